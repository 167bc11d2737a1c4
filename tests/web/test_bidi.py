"""Names, numbers and queries dropped into a sentence keep their own direction (<bdi>, dir="auto")."""

from __future__ import annotations

from django.template import Context, Template

from masthead.web.templatetags.bidi import isolate


def test_isolate_wraps_escaped_text_and_leaves_nothing_for_nothing():
    assert isolate("C++ <b>") == "<bdi>C++ &lt;b&gt;</bdi>"
    assert isolate("") == "" and isolate(None) == ""


def test_isolate_keeps_a_translated_sentence_intact():
    html = Template(
        "{% load i18n bidi %}{% blocktranslate with query=query|isolate %}Search results for “{{ query }}”{% endblocktranslate %}"
    ).render(Context({"query": "IMF <script>"}))
    assert html == "Search results for “<bdi>IMF &lt;script&gt;</bdi>”"


def test_search_echoes_the_query_isolated(client, make_story):
    make_story(title="IMF talks resume")
    html = client.get("/search/", {"q": "IMF!"}).content.decode()
    assert "<bdi>IMF!</bdi>" in html


def test_byline_names_agency_and_tags_take_their_own_direction(client, make_story, author, interfax):
    story = make_story(title="Budget passes", authors=[author], agency=interfax, tags=["C++"])
    html = client.get(story.url).content.decode()
    assert '" dir="auto">Sana Qureshi</a>' in html
    assert 'class="agency" href="/agencies/interfax/" dir="auto">Interfax</a>' in html
    assert '" dir="auto">C++</a></li>' in html
