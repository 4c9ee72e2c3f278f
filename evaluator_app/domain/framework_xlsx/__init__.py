"""Frameworks as spreadsheets (XLSX), in the layout of ``docs/frameworks.md``.

``reader.read_framework_xlsx`` validates a workbook into a Framework, or raises
FrameworkError with every problem at its cell (``Indicators!Q12: ...``);
``writer.framework_xlsx_bytes`` writes one that reads back to the same
framework.  Import those modules where they are used: they load openpyxl,
which the rest of the app does not need at start-up.
"""
