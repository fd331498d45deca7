"""The mediacheck OLX reader and writer (docs/OLX.md, mediacheck); pure."""

from noturiba import olx
from noturiba.messages import Message
from noturiba.sources import append_sources, read_sources

from .checks import validate
from .model import KINDS, MADE_UP, MODES, ORIGINS, Item, Lead, Media, MediaCheck, Origin, Published, Verdict, text_of


def parse(node):
    mode = olx.choice_attr(node, "mode", MODES, "practice")
    shuffle = olx.bool_attr(node, "shuffle", False)
    confidence = olx.bool_attr(node, "confidence", False)
    verdicts, items, seen, where = None, [], set(), {}
    for child in olx.children(node, {"verdicts", "item"}):
        tag = olx.local_name(child.tag)
        if tag == "verdicts":
            if verdicts is not None:
                raise olx.error_at(child, Message("Only one <verdicts> element is allowed."))
            verdicts = _parse_verdicts(child)
        else:
            items.append(_parse_item(child, seen, where))
    model = MediaCheck(mode, shuffle, confidence, verdicts, tuple(items))
    for problem in validate(model):
        if problem.is_error:
            raise olx.error_at(where.get(problem.node_id, node), problem.message)
    return model


def _parse_verdicts(node):
    seen, verdicts = set(), []
    for child in olx.children(node, {"verdict"}):
        verdicts.append(Verdict(olx.required_id(child, seen), text_of(child)))
    if not verdicts:
        raise olx.error_at(node, Message("The element <verdicts> needs at least one <verdict>."))
    return tuple(verdicts)


def _single(node, children, tag, required=False):
    found = [child for child in children if olx.local_name(child.tag) == tag]
    if len(found) > 1:
        raise olx.error_at(found[1], Message("Only one <{tag}> element is allowed here.", tag=tag))
    if required and not found:
        raise olx.error_at(node, Message("The element <{tag}> is required here.", tag=tag))
    return found[0] if found else None


def _parse_item(node, seen, where):
    item_id = olx.required_id(node, seen)
    where[item_id] = node
    kind = olx.choice_attr(node, "kind", KINDS, "post")
    verdict = olx.text_attr(node, "verdict", required=True).strip()
    provenance = olx.choice_attr(node, "origin", ORIGINS, MADE_UP)
    children = olx.children(node, {"origin", "body", "media", "lead", "explanation", "published"})
    body = _single(node, children, "body", required=True)
    for flag in body.iter("flag"):
        flag_id = olx.required_id(flag, seen)
        where[flag_id] = flag
        if any(True for _ in flag.iterancestors("flag")):
            raise olx.error_at(flag, Message("A <flag> cannot be inside another <flag>."))
    origin_node = _single(node, children, "origin")
    origin = None
    if origin_node is not None:
        origin = Origin(*(origin_node.get(name) for name in ("name", "handle", "platform", "date", "url")))
    media_node = _single(node, children, "media")
    media = None
    if media_node is not None:
        media = Media(olx.text_attr(media_node, "src", required=True), media_node.get("alt"),
                      media_node.get("caption"))
    leads = []
    for child in children:
        if olx.local_name(child.tag) == "lead":
            lead_id = olx.required_id(child, seen)
            where[lead_id] = child
            leads.append(Lead(lead_id, olx.bool_attr(child, "useful", False),
                              olx.text_attr(child, "title", required=True), olx.inner_xml(child)))
    explanation_node = _single(node, children, "explanation")
    explanation, sources = "", ()
    if explanation_node is not None:
        explanation = olx.inner_xml(explanation_node, skip={"source"})
        sources = tuple(read_sources(explanation_node))
    published_node = _single(node, children, "published")
    published = None
    if published_node is not None:
        published = Published((published_node.get("outlet") or "").strip(), published_node.get("date"),
                              (published_node.get("href") or "").strip())
    return Item(item_id, kind, verdict, olx.inner_xml(body), origin, media, tuple(leads), explanation, sources,
                provenance, published)


def to_node(model, node):
    olx.set_attrs(node, mode=model.mode, shuffle=model.shuffle, confidence=model.confidence)
    if model.verdicts is not None:
        verdicts = olx.sub_element(node, "verdicts")
        for verdict in model.verdicts:
            olx.sub_element(verdicts, "verdict", None, id=verdict.id).text = verdict.label
    for item in model.items:
        child = olx.sub_element(node, "item", id=item.id, kind=item.kind, verdict=item.verdict,
                                origin=None if item.provenance == MADE_UP else item.provenance)
        if item.origin is not None:
            o = item.origin
            olx.sub_element(child, "origin", name=o.name, handle=o.handle, platform=o.platform, date=o.date, url=o.url)
        olx.sub_element(child, "body", item.body)
        if item.media is not None:
            olx.sub_element(child, "media", src=item.media.src, alt=item.media.alt, caption=item.media.caption)
        for lead in item.leads:
            olx.sub_element(child, "lead", lead.body, id=lead.id, useful=lead.useful, title=lead.title)
        if item.explanation or item.sources:
            explanation = olx.sub_element(child, "explanation", item.explanation)
            append_sources(explanation, item.sources)
        if item.published is not None:
            p = item.published
            olx.sub_element(child, "published", outlet=p.outlet, date=p.date, href=p.href)
    return node
