"""What every app of a test run compiles alike, compiled once for the run.

Every test makes its own app, and every app compiled its templates and its URL builders
again: most of a web test's time besides the request itself.

Templates: Jinja's bytecode cache (its documented way to skip compiling) keeps the compiled
code here, in memory. A bucket is keyed by the template's name and checked against its
source's checksum, so an edited template is compiled again; the key also holds the options
that change what the compiler makes, so an environment set up otherwise never gets another's
code.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class SharedBytecode(BytecodeCache):
    """The templates' compiled code, for every Jinja environment of the run."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None,
                   source: str) -> Bucket:
        options = (
            tuple(sorted(environment.extensions)), repr(environment.autoescape),
            repr(environment.finalize), environment.optimized, environment.trim_blocks,
            environment.lstrip_blocks, environment.keep_trailing_newline,
            environment.newline_sequence, environment.block_start_string,
            environment.variable_start_string, environment.comment_start_string,
            environment.line_statement_prefix, environment.line_comment_prefix,
        )
        key = self.get_cache_key(f"{name}\0{options!r}", filename)
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def memoized_url_builders(compile_builder):
    """Werkzeug's ``Rule._compile_builder``, once per kind of rule for the run.

    Each app compiles a Python function per route and way of building its URL (an AST made
    and compiled: about 55 ms of every app's 90 ms). The function's code follows from the
    rule's parsed parts, its defaults and ``append_unknown`` alone; it reads the rule and its
    converters through the ``.self`` argument when called, so one made for an equal rule of
    another app builds the same URLs.
    """
    made: dict[tuple, object] = {}

    def builder(rule, append_unknown: bool = True):
        converters = tuple(sorted((k, type(v).__qualname__)
                                  for k, v in rule._converters.items()))
        key = (tuple(rule._trace), repr(sorted((rule.defaults or {}).items(), key=str)),
               converters, append_unknown)
        if key not in made:
            made[key] = compile_builder(rule, append_unknown)
        return made[key]

    return builder
