"""Mastodon's HTML as the text the person wrote: lists keep their bullets and numbers."""

from socialdesk.core.html_text import to_plain


def test_lists_keep_their_bullets_and_numbers():
    html = (
        "<p>Tried:</p><ul><li>restart</li><li>update <b>the</b> app</li></ul>"
        "<p>Steps:</p><ol><li>open</li><li>tap<ul><li>Settings</li></ul></li><li>wait</li></ol>"
        "<p>Still broken.</p>"
    )
    assert to_plain(html) == (
        "Tried:\n\n• restart\n• update the app\n\nSteps:\n\n1. open\n2. tap\n  • Settings\n"
        "3. wait\n\nStill broken."
    )


def test_blank_lines_fold_and_spaces_alone_are_kept_short():
    assert to_plain("<p>a</p>\n \n\t\n<p>b</p>") == "a\n\nb"
    assert to_plain(" " * 80_000 + "x") == "x"


def test_a_broken_marked_section_is_read_as_text_not_an_exception():
    """html.parser asserts on "<![" followed by junk (found by the fuzz suite)."""
    assert to_plain("<p>hi</p><![0 there") == "hi<![0 there"
