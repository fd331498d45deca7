"""The offline pack and the print pack: the same courses, for the day no LMS is reachable.

`python -m noturiba.offline build` writes a static site, Kolibri HTML5 zips and SCORM 1.2
packages from the courses' OLX; `python -m noturiba.offline print` writes A4 PDFs.
Offline activities run in practice mode only and grade in the browser; nothing counts as a grade.
"""
