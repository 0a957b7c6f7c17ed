"""The Add account dialog is as tall as the network's page it shows: no blank band above
Cancel."""

from socialdesk.ui.accounts import AddAccountDialog


def test_the_dialog_is_as_tall_as_the_page_shown(make_window, qtbot):
    window = make_window()
    add = AddAccountDialog(window.controller.accounts, window.controller)
    qtbot.addWidget(add)
    add.show()
    qtbot.waitExposed(add)
    heights = {}
    for network in ("mastodon", "bluesky", "x"):
        add.network.setCurrentIndex(add.network.findData(network))
        qtbot.waitUntil(lambda: add.pages.currentIndex() == add.network.currentIndex())
        page = add.pages.currentWidget()
        wanted = (
            page.heightForWidth(page.width())
            if page.hasHeightForWidth()
            else page.sizeHint().height()
        )
        qtbot.waitUntil(lambda page=page, wanted=wanted: add.pages.height() <= wanted + 4)
        heights[network] = add.height()
    assert len(set(heights.values())) > 1  # each page its own height, not the tallest's
