"""The kit's one rule for rich text from a Studio form (noturiba.editor_markup): repair, never refuse."""

from hypothesis import given
from hypothesis import strategies as st

from noturiba.editor_markup import editor_markup, well_formed

PIECES = st.sampled_from(["<p>", "</p>", "<br>", "<strong>", "</strong>", "&", "&amp;", "<", ">", "A", " ", "ā",
                          "<img src=x onerror=alert(1)>", "<script>x</script>", "<a href='/a'>", "</a>", "\n"])


@given(st.lists(PIECES, max_size=25).map("".join))
def test_whatever_is_pasted_is_stored_as_well_formed_markup(pasted):
    stored = editor_markup(pasted)
    assert well_formed(stored)
    if not well_formed(pasted):  # repaired through the sanitiser (kept markup is sanitised at render time)
        assert "onerror" not in stored and "<script" not in stored.lower()


def test_well_formed_markup_is_kept_as_written_and_pasted_html_keeps_its_text():
    assert editor_markup("<p>A &amp; <em>B</em></p>") == "<p>A &amp; <em>B</em></p>"
    assert editor_markup("A & B<br>next") == "A &amp; B<br/>next"
    assert editor_markup("<p>open") == "<p>open</p>"


def test_a_blocks_own_element_is_kept_only_where_the_block_allows_it():
    pasted = '<p>Ak<br><flag id="f1" note="A &amp; B" onclick="x()">tā <b>ir</b></flag> & vēl'
    allow = {"flag": ("id", "note")}
    assert editor_markup(pasted, allow) == '<p>Ak<br/><flag id="f1" note="A &amp; B">tā ir</flag> &amp; vēl</p>'
    assert editor_markup(pasted) == "<p>Ak<br/>tā ir &amp; vēl</p>"


FLAGGED = st.sampled_from(['<flag id="f" note="n">', "</flag>", "<p>", "</p>", "<br>", "&", "A", " ", "<b>"])


@given(st.lists(FLAGGED, max_size=20).map("".join))
def test_pasted_text_with_flags_is_stored_well_formed_and_gains_no_flag(pasted):
    stored = editor_markup(pasted, {"flag": ("id", "note")})
    assert well_formed(stored)
    assert stored.count("<flag") <= pasted.count("<flag")
