"""What envelopes and address labels share: the bundled data they read (``data``), each post's
zones and type sizes (``posts``), the addresses of a letter file or a data row formatted as
in letters (``parties``), an address block fitted into a box (``block``) and pages of placed
lines painted (``sheet``)."""
