"""A dialog never opens larger than its screen: on 800×600 the shortcuts sheet (640 px tall) put
its Close button below the edge."""

from socialdesk.ui.dialogs import FRAME_ROOM, RememberedDialog


def test_a_dialog_larger_than_the_screen_opens_shrunk_to_it(qtbot):
    dialog = RememberedDialog()
    qtbot.addWidget(dialog)
    area = dialog.screen().availableGeometry()
    dialog.resize(area.width() + 500, area.height() + 500)
    dialog.show()
    assert dialog.width() <= area.width() - FRAME_ROOM[0]
    assert dialog.height() <= area.height() - FRAME_ROOM[1]


def test_a_dialog_that_fits_keeps_its_size(qtbot):
    dialog = RememberedDialog()
    qtbot.addWidget(dialog)
    dialog.resize(400, 300)
    dialog.show()
    assert (dialog.width(), dialog.height()) == (400, 300)
