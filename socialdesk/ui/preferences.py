"""The Preferences dialog, built from the settings declarations so a new setting needs no UI
code."""

from __future__ import annotations

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from socialdesk.app.view_models import SETTINGS, Setting, Settings
from socialdesk.ui.dialogs import RememberedDialog


class PreferencesDialog(RememberedDialog):
    def __init__(self, settings: Settings, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setAccessibleName("Preferences")
        self._settings = settings
        self._editors: dict[str, QWidget] = {}
        form = QFormLayout(self)
        for setting in SETTINGS:
            if setting.hidden:
                continue
            editor = _editor(setting, settings.get(setting.key))
            editor.setAccessibleName(setting.label)
            self._editors[setting.key] = editor
            shown: QWidget = _with_browse(editor, setting.label) if setting.folder else editor
            form.addRow(setting.label if setting.type is not bool else "", shown)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @classmethod
    def edit(cls, settings: Settings, parent=None) -> bool:
        """Open the dialog; True if the user saved changes. Tests patch this one entry point."""
        dialog = cls(settings, parent)
        if dialog.exec() != QDialog.Accepted:
            return False
        dialog.apply()
        return True

    def apply(self) -> None:
        for key, editor in self._editors.items():
            self._settings.set(key, _value(editor))
        self._settings.save()


def _editor(setting: Setting, value) -> QWidget:
    if setting.type is bool:
        box = QCheckBox(setting.label)
        box.setChecked(value)
        return box
    if setting.choices:
        combo = QComboBox()
        for choice in setting.choices:
            combo.addItem(str(choice).capitalize(), choice)
        combo.setCurrentIndex(setting.choices.index(value))
        return combo
    if setting.type is int:
        spin = QSpinBox()
        spin.setRange(setting.minimum or 0, setting.maximum or 1_000_000)
        spin.setSuffix(setting.suffix)
        spin.setValue(value)
        return spin
    line = QLineEdit(value)
    return line


def _with_browse(line: QWidget, label: str) -> QWidget:
    """The folder's field and a Browse… button (reached by Tab) that fills it."""
    row = QWidget()
    box = QHBoxLayout(row)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(line, 1)
    browse = QPushButton("&Browse…")
    browse.setAccessibleName(f"Browse for: {label}")
    browse.setObjectName("browse")

    def pick() -> None:
        assert isinstance(line, QLineEdit)
        start = line.text() or QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        chosen = QFileDialog.getExistingDirectory(row, label.split(" (")[0], start)
        if chosen:
            line.setText(chosen)

    browse.clicked.connect(pick)
    box.addWidget(browse)
    return row


def _value(editor: QWidget):
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QComboBox):
        return editor.currentData()
    if isinstance(editor, QSpinBox):
        return editor.value()
    return editor.text()
