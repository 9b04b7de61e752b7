"""The local web page (``letterpress serve``): the commands as forms, on the same engine.

One module per job: ``app`` (the Flask app and its safety rules), ``words`` (the page's
wording, chosen by the browser's language), ``formdata`` (form fields to a letter file and
back), ``messages`` (errors, notices and findings at the field they concern), ``uploads``
(the private temporary folder), ``picture`` (page images with the window drawn on), one module
per page (``letterpage``, ``followup``, ``callpage``, ``deliverypage``, ``mergepage``,
``labelspage``), ``jobs`` (mail merges running in the background, and the files made) and
``server`` (loopback only, Ctrl-C).
"""

from __future__ import annotations
