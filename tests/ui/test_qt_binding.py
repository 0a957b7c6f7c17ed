"""Guards against a Qt binding that corrupts the interpreter under SocialDesk's own models."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt

from socialdesk.ui.feed.model import FeedModel


def test_qt_asking_the_feed_for_a_role_it_does_not_answer_keeps_none_alive(make_window):
    """PySide6 6.12.0 dropped a reference to None every time C++ called a Python data() that
    returned None; painting the feed then aborted the app within minutes. Qt asks for roles the
    model does not answer (fonts, colours, size hints) on every paint."""
    window = make_window()
    model: FeedModel = window.feed_model
    index = model.index(0)
    assert index.isValid()
    before = sys.getrefcount(None)
    for _ in range(2_000):
        assert index.data(Qt.FontRole) is None  # through C++: QModelIndex::data -> model.data
    # Other threads come and go meanwhile; the broken binding lost one per call (-2,000).
    assert sys.getrefcount(None) - before > -100
