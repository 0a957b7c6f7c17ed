"""Preferences and the Help menu's support tools."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QLineEdit, QSpinBox

from socialdesk.config import SETTINGS, Settings
from socialdesk.ui import theme
from socialdesk.ui.feed.model import RowRole
from socialdesk.ui.preferences import PreferencesDialog


def test_every_visible_setting_has_a_named_editor(qtbot, tmp_path):
    dialog = PreferencesDialog(Settings.load(tmp_path))
    qtbot.addWidget(dialog)
    visible = [s.key for s in SETTINGS if not s.hidden]
    assert list(dialog._editors) == visible
    for setting in SETTINGS:
        if not setting.hidden:
            assert dialog._editors[setting.key].accessibleName() == setting.label


def test_saved_preferences_apply_and_survive_a_restart(make_window, qtbot, monkeypatch, data_dir):
    window = make_window()

    def edit(settings, parent):
        dialog = PreferencesDialog(settings, parent)
        dialog.findChild(QLineEdit).setText("Robin")
        dialog._editors["theme"].setCurrentIndex(dialog._editors["theme"].findData("dark"))
        dialog.findChild(QSpinBox).setValue(300)
        dialog.apply()
        return True

    monkeypatch.setattr(PreferencesDialog, "edit", staticmethod(edit))
    window.edit_preferences()
    assert window.controller._timer.interval() == 300_000
    assert theme.colours() is theme.DARK
    assert QGuiApplication.palette().color(QPalette.Window).lightness() < 100
    again = Settings.load(data_dir)
    assert again.get("agent_name") == "Robin" and again.get("sync_interval_seconds") == 300
    theme.apply(QGuiApplication.instance(), "light")


def test_copied_diagnostics_describe_the_setup_without_content(make_window, qtbot):
    window = make_window()
    window.menus.help.copy_diagnostics()
    text = QGuiApplication.clipboard().text()
    assert "SocialDesk" in text and "mention rows" in text and "schema" in text
    first = window.feed_model.index(0).data(RowRole)
    assert first is not None and first.text not in text  # sizes only, never what customers wrote


def test_the_reports_folder_is_chosen_with_browse(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QPushButton

    dialog = PreferencesDialog(Settings.load(tmp_path))
    qtbot.addWidget(dialog)
    asked = []

    def pick(_parent, _title, start):
        asked.append(start)
        return str(tmp_path / "reports")

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick)
    browse = dialog.findChild(QPushButton, "browse")
    assert browse.focusPolicy() & Qt.TabFocus  # reached from the keyboard
    browse.click()
    assert asked and dialog._editors["export_folder"].text() == str(tmp_path / "reports")
    dialog.apply()
    assert Settings.load(tmp_path).get("export_folder") == str(tmp_path / "reports")
