"""One SCORM 1.2 package per course: every activity is a SCO (its single-activity page), the assets shared.

The SCO's page finds the LMS's API (window.API up the parent and opener chain) in offline.js and
reports completion and the score there; see offline.js for the values it sets.
"""

from lxml import etree

from .pages import activity_file, page_path

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (f"{CP} imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
                   f"{ADLCP} adlcp_rootv1p2.xsd")
SHARED = "noturiba-shared-assets"


def _sub(parent, tag, text=None, **attrib):
    node = etree.SubElement(parent, f"{{{CP}}}{tag}", {k.replace("__", ":"): v for k, v in attrib.items()})
    if text is not None:
        node.text = text
    return node


def _organization(manifest, build):
    organizations = _sub(manifest, "organizations", default="noturiba-organization")
    organization = _sub(organizations, "organization", identifier="noturiba-organization")
    _sub(organization, "title", build.plan.title)
    for number, (chapter, sequentials) in enumerate(build.plan.chapters, start=1):
        parts = [part for _seq, units in sequentials for unit in units for part in unit.activities]
        if not parts:
            continue
        group = _sub(organization, "item", identifier=f"chapter-{number}")
        _sub(group, "title", chapter)
        for part in parts:
            item = _sub(group, "item", identifier=f"item-{part.url_name}", identifierref=f"res-{part.url_name}",
                        isvisible="true")
            _sub(item, "title", part.title)


def manifest_xml(build, shared_files):
    """imsmanifest.xml (bytes) for the CourseBuild, the shared asset files listed once."""
    manifest = etree.Element(f"{{{CP}}}manifest", nsmap={None: CP, "adlcp": ADLCP, "xsi": XSI},
                             identifier=f"noturiba-{build.plan.folder}", version="1.0")
    manifest.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    metadata = _sub(manifest, "metadata")
    _sub(metadata, "schema", "ADL SCORM")
    _sub(metadata, "schemaversion", "1.2")
    _organization(manifest, build)
    resources = _sub(manifest, "resources")
    for part in build.plan.activities:
        name = activity_file(part)
        resource = _sub(resources, "resource", identifier=f"res-{part.url_name}", type="webcontent", href=name)
        resource.set(f"{{{ADLCP}}}scormtype", "sco")
        for lang in build.langs:
            _sub(resource, "file", href=page_path(name, lang))
        _sub(resource, "dependency", identifierref=SHARED)
    shared = _sub(resources, "resource", identifier=SHARED, type="webcontent")
    shared.set(f"{{{ADLCP}}}scormtype", "asset")
    for path in shared_files:
        _sub(shared, "file", href=path)
    return etree.tostring(manifest, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def scorm_zip(build):
    """{zip entry: bytes} of the course's SCORM 1.2 package."""
    entries = {path: data for path, data in build.files.items() if path.startswith("assets/")}
    for part in build.plan.activities:
        for lang in build.langs:
            path = page_path(activity_file(part), lang)
            entries[path] = build.files[path]
    entries["imsmanifest.xml"] = manifest_xml(build, sorted(path for path in entries if path.startswith("assets/")))
    return entries
