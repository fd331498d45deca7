"""Sources in one shape (noturiba.sources): what a stored block holds loads back the same, in either shape."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from noturiba import sources

text = st.text(min_size=1, max_size=30)
pairs = st.lists(st.tuples(text, text), max_size=5).map(tuple)


@given(pairs)
def test_json_of_sources_loads_back_as_the_same_sources(kept):
    assert sources.from_json(sources.to_json(kept)) == kept


@given(pairs)
def test_the_older_pair_shape_loads_as_the_same_sources(kept):
    assert sources.from_json([list(pair) for pair in kept]) == kept


def test_a_source_without_a_title_keeps_an_empty_one_and_anything_else_is_refused():
    assert sources.from_json([{"href": "https://a.example"}]) == (("https://a.example", ""),)
    for bad in ([["only one"]], ["text"], [{"title": "no href"}], [[1, "t"]]):
        with pytest.raises((TypeError, ValueError, KeyError)):
            sources.from_json(bad)
