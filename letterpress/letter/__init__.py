"""The letter engine: a letter file in, a print-ready window-envelope PDF out."""
