"""PDF plumbing shared by every document kind; knows nothing of letters.

``units`` (the one mm/pt conversion), ``fonts`` (bundled fonts, widths, coverage), ``canvas``
(deterministic ReportLab canvas), ``merge`` (streaming concatenation into one print job).
"""
