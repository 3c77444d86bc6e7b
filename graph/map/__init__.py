"""The netwerkkaart: layout, label text, placement, the screen payload, the SVG."""
