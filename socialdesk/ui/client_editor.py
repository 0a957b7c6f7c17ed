"""A client's settings in one form: its name, colour, response target, service hours and time zone,
and its brand voice. The form is the setup's first step and the Add/Edit client dialog."""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import Qt, QTime, QTimeZone
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from socialdesk.app.clients import ClientEdit, ClientsController
from socialdesk.app.view_models import ClientSummary
from socialdesk.core.service_hours import DAYS, ServiceHours, ServiceHoursError
from socialdesk.core.tone import BannedPhrase
from socialdesk.ui.brand_voice import BrandVoiceDialog
from socialdesk.ui.widgets import plain_label

# Distinct in both themes, and never the only sign of anything (the name is always beside it).
COLOURS = (
    ("Blue", "#5B6CFF"),
    ("Teal", "#00897B"),
    ("Green", "#43A047"),
    ("Amber", "#F9A825"),
    ("Orange", "#EF6C00"),
    ("Red", "#E53935"),
    ("Pink", "#D81B60"),
    ("Purple", "#8E24AA"),
    ("Brown", "#6D4C41"),
    ("Grey", "#607D8B"),
)
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
OFFICE_HOURS = ("09:00", "17:00")


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def system_zone() -> str:
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    return name if name in _zones() else "UTC"


_ZONES: list[str] = []


def _zones() -> list[str]:
    if not _ZONES:
        _ZONES.extend(sorted(z for z in available_timezones() if "/" in z or z == "UTC"))
    return _ZONES


class ClientForm(QWidget):
    """The fields; ``value()`` is the client as typed, or None with the reason shown."""

    def __init__(self, client: ClientSummary | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self._rules: tuple[BannedPhrase, ...] | None = None  # None: unchanged
        self._contacts: tuple[str, ...] = client.brand_contacts if client else ()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)

        self.name = QLineEdit(client.name if client else "")
        self.name.setPlaceholderText("The brand's name, e.g. Northwind Bikes")
        self.name.setAccessibleName("Client name")
        self.name.setMaxLength(100)
        form.addRow("&Name", self.name)

        self.colour = QComboBox()
        self.colour.setAccessibleName("Colour")
        for label, value in COLOURS:
            self.colour.addItem(_swatch(value), label, value)
        current = (client.colour if client else COLOURS[0][1]).upper()
        index = self.colour.findData(current, flags=Qt.MatchFixedString)
        if index < 0:  # a colour set elsewhere stays as it is
            self.colour.addItem(_swatch(current), f"This colour ({current})", current)
            index = self.colour.count() - 1
        self.colour.setCurrentIndex(index)
        self.colour.setToolTip("The dot beside the client in the sidebar and on its mentions")
        form.addRow("Co&lour", self.colour)

        self.target = QSpinBox()
        self.target.setRange(5, 7 * 24 * 60)
        self.target.setSingleStep(15)
        self.target.setSuffix(" min")
        self.target.setValue(client.response_target_minutes if client else 60)
        self.target.setAccessibleName("Response target in minutes")
        target_row = QHBoxLayout()
        target_row.addWidget(self.target)
        said = "service minutes to a first answer (most customers expect one within an hour)"
        target_row.addWidget(plain_label(said, role="muted"), 1)
        target_label = QLabel("Response &target")
        target_label.setBuddy(self.target)
        form.addRow(target_label, target_row)

        hours_label = QLabel("Service &hours")
        hours = self._hours_box(client)
        hours_label.setBuddy(self.around_the_clock)
        form.addRow(hours_label, hours)

        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.NoInsert)
        self.zone.addItems(_zones())
        self.zone.setAccessibleName("Time zone")
        completer = QCompleter(_zones(), self.zone)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        completer.setFilterMode(Qt.MatchContains)
        self.zone.setCompleter(completer)
        self.zone.setCurrentText(client.timezone if client else system_zone())
        self.zone.setToolTip("The client's own time zone: its service hours follow its clocks")
        form.addRow("Time &zone", self.zone)

        self.voice_button = QPushButton("&Brand voice…")
        self.voice_button.setToolTip(
            "Words and phrases this client's replies avoid, and its public contact points"
        )
        self.voice_button.clicked.connect(self.edit_brand_voice)
        self.voice_summary = plain_label(role="muted")
        voice_row = QHBoxLayout()
        voice_row.addWidget(self.voice_button)
        voice_row.addWidget(self.voice_summary, 1)
        form.addRow("Brand voice", voice_row)
        self._say_voice()

        self.error = plain_label()
        self.error.setProperty("level", "over")
        self.error.setAccessibleName("What needs fixing")
        form.addRow(self.error)

    # -- service hours ---------------------------------------------------------------------------
    def _hours_box(self, client: ClientSummary | None) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        hours = client.service_hours if client else None
        self.around_the_clock = QCheckBox(
            "Answer around the clock (the response clock never pauses)"
        )
        self.around_the_clock.setChecked(hours is None)
        layout.addWidget(self.around_the_clock)
        self.days = QWidget()
        grid = QGridLayout(self.days)
        grid.setContentsMargins(24, 0, 0, 0)
        grid.setVerticalSpacing(2)
        self.day_rows: list[tuple[QCheckBox, QTimeEdit, QTimeEdit]] = []
        for row, (key, day) in enumerate(zip(DAYS, DAY_NAMES, strict=True)):
            spans = (hours or {}).get(key) or []
            weekday = row < 5
            begin, end = spans[0] if spans else OFFICE_HOURS
            open_day = QCheckBox(day)
            open_day.setChecked(bool(spans) if hours is not None else weekday)
            start, close = QTimeEdit(), QTimeEdit()
            for edit, value, what in ((start, begin, "opens"), (close, end, "closes")):
                edit.setDisplayFormat("HH:mm")
                edit.setTime(QTime.fromString("23:59" if value == "24:00" else value, "HH:mm"))
                edit.setAccessibleName(f"{day}: {what} at")
            open_day.toggled.connect(start.setEnabled)
            open_day.toggled.connect(close.setEnabled)
            start.setEnabled(open_day.isChecked())
            close.setEnabled(open_day.isChecked())
            grid.addWidget(open_day, row, 0)
            grid.addWidget(start, row, 1)
            grid.addWidget(plain_label("to", wrap=False), row, 2)
            grid.addWidget(close, row, 3)
            self.day_rows.append((open_day, start, close))
        grid.setColumnStretch(4, 1)
        layout.addWidget(self.days)
        self.around_the_clock.toggled.connect(lambda on: self.days.setVisible(not on))
        self.days.setVisible(hours is not None)
        return box

    def service_hours(self) -> dict[str, list[list[str]]] | None:
        if self.around_the_clock.isChecked():
            return None
        hours = {}
        for key, (open_day, start, close) in zip(DAYS, self.day_rows, strict=True):
            if open_day.isChecked():
                end = close.time().toString("HH:mm")
                hours[key] = [[start.time().toString("HH:mm"), "24:00" if end == "23:59" else end]]
        return hours

    # -- brand voice -----------------------------------------------------------------------------
    def _current_rules(self) -> tuple[BannedPhrase, ...]:
        if self._rules is not None:
            return self._rules
        return self.client.banned_phrases if self.client else ()

    def _say_voice(self) -> None:
        rules, contacts = len(self._current_rules()), len(self._contacts)
        self.voice_summary.setText(
            "Nothing set yet (optional; it can be set later from the sidebar)"
            if not (rules or contacts)
            else f"{rules} phrase{'s' * (rules != 1)} to avoid, "
            f"{contacts} contact point{'s' * (contacts != 1)}"
        )

    def edit_brand_voice(self) -> None:
        from dataclasses import replace

        name = self.name.text().strip() or "the new client"
        shown = self.client or _blank(name)
        shown = replace(
            shown, name=name, banned_phrases=self._current_rules(), brand_contacts=self._contacts
        )
        saved = BrandVoiceDialog.edit(shown, self)
        if saved is not None:
            self._rules, contacts = saved
            self._contacts = tuple(contacts)
            self._say_voice()

    # -- the result ------------------------------------------------------------------------------
    def value(self) -> ClientEdit | None:
        name = " ".join(self.name.text().split())
        zone = self.zone.currentText().strip()
        problem = None
        if not name:
            problem = "Give the client a name."
        elif zone not in _zones():
            problem = f"“{zone}” is not a time zone SocialDesk knows: pick one from the list."
        else:
            try:
                ServiceHours.parse(self.service_hours(), zone)
            except ServiceHoursError as exc:
                problem = str(exc)
        self.show_problem(problem or "")
        if problem:
            return None
        return ClientEdit(
            name,
            self.colour.currentData(),
            self.target.value(),
            self.service_hours(),
            zone,
            self._rules,
            self._contacts,
        )

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text and "name" in text:
            self.name.setFocus(Qt.OtherFocusReason)


def _blank(name: str) -> ClientSummary:
    return ClientSummary(0, name, COLOURS[0][1], 60, None, "UTC")


class ClientEditorDialog(QDialog):
    """Add a client, or edit one: saved through the controller; a name already taken is said in
    the form and nothing closes."""

    def __init__(
        self,
        controller: ClientsController,
        client: ClientSummary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller, self.client = controller, client
        title = f"Edit client — {client.name}" if client else "Add client"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.saved_id: int | None = None
        self.form = ClientForm(client, self)
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.Save)
        self.save_button.setText("&Add client" if client is None else "&Save")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.form.name.setFocus()

    @classmethod
    def ask(
        cls, controller: ClientsController, client: ClientSummary | None = None, parent=None
    ) -> int | None:
        """Show the dialog; the client's id once saved, None if cancelled. Tests patch this."""
        dialog = cls(controller, client, parent)
        dialog.exec()
        return dialog.saved_id

    def save(self) -> None:
        edit = self.form.value()
        if edit is None:
            return
        self.save_button.setEnabled(False)
        if self.client is None:
            self.controller.add(edit, self._saved, self._failed)
        else:
            self.controller.edit(
                self.client.id, edit, lambda _none: self._saved(self.client.id), self._failed
            )

    def _saved(self, client_id: int) -> None:
        self.saved_id = client_id
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.form.show_problem(str(exc))
