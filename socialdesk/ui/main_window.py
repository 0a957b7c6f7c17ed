"""The main window: sidebar | mention feed | detail pane, and the status bar; its menus are built
by ``window_menus``, its layout remembered by ``window_layout``."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from socialdesk.app.view_models import HistoryItem, MentionDetail
from socialdesk.app.workspace import WorkspaceController
from socialdesk.core.models import MentionStatus, OutboxState
from socialdesk.ui import dialogs, theme
from socialdesk.ui.composer import Composer
from socialdesk.ui.crisis import CrisisBanner
from socialdesk.ui.detail import DetailPane
from socialdesk.ui.feed.model import MentionIdRole
from socialdesk.ui.feed.panel import FeedPanel
from socialdesk.ui.lazy_stack import LazyStack
from socialdesk.ui.notifier import Notifier
from socialdesk.ui.onboarding import Onboarding
from socialdesk.ui.reply_target import ReplyTarget
from socialdesk.ui.sidebar import VIEWS, Sidebar, Target, TargetRole
from socialdesk.ui.widgets import plain_label
from socialdesk.ui.window_layout import LayoutMemory, StackWhenNarrow
from socialdesk.ui.window_menus import WindowMenus

if TYPE_CHECKING:
    from socialdesk.ui.history import HistoryPanel
    from socialdesk.ui.outbox import OutboxPanel
    from socialdesk.ui.reports import ReportsPanel
    from socialdesk.ui.review import ReviewPanel

log = logging.getLogger(__name__)
# Stacked, the feed keeps room for this many whole cards when the mention under it can spare it.
FEED_CARDS = 4


class MainWindow(QMainWindow):
    detailShown = Signal(int)  # mention id, once the detail pane shows it

    def __init__(self, controller: WorkspaceController, parent=None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("mainWindow")
        self._layout = LayoutMemory(controller.data_dir)
        dialogs.remember_in(self._layout.store)  # every dialog opens at the size left

        self.sidebar = Sidebar(controller.is_demo)
        self.feed_panel = FeedPanel(controller)
        # Short names for what tests and the smoke run reach for.
        self.feed, self.feed_model = self.feed_panel.view, self.feed_panel.model
        self.feed_title, self.actions = self.feed_panel.title, self.feed_panel.actions
        self.replies = controller.replies
        self.composer = Composer(self.replies)
        self.composer.closed.connect(self.composer.hide)
        self._reply_asked: int | None = None  # the mention r was last pressed on
        self.detail = DetailPane(controller.clock_for, self.actions, self.composer)
        self.banner = self._make_banner()
        self.crisis_banner = CrisisBanner(controller.crises, controller.clock)
        self.crisis_banner.statementRequested = self.open_statements

        self.inbox_split = QSplitter(Qt.Horizontal)
        self.inbox_split.setObjectName("inboxSplitter")
        self.inbox_split.addWidget(self.feed_panel)
        self.inbox_split.addWidget(self.detail)
        self.inbox_split.setStretchFactor(0, 3)
        self.inbox_split.setStretchFactor(1, 2)

        # The other views are made when first shown (or asked for): the window paints sooner.
        self.views = LazyStack()
        self.views.addWidget(self.inbox_split)
        for make in (self._make_review, self._make_outbox, self._make_history, self._make_reports):
            self.views.add_lazy(make)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.crisis_banner)
        right_layout.addWidget(self.views)

        self.main_split = QSplitter(Qt.Horizontal)
        self.main_split.setObjectName("mainSplitter")
        self.main_split.addWidget(self.sidebar)
        self.main_split.addWidget(right)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([270, 1010])
        self.inbox_split.setSizes([590, 420])
        self.setCentralWidget(self.main_split)
        StackWhenNarrow(self.inbox_split, then=self._keep_feed_cards)

        self.sync_label = plain_label(wrap=False)
        self.folder_label = plain_label(wrap=False, role="muted")
        self.statusBar().addWidget(self.sync_label, 1)
        self.statusBar().addPermanentWidget(self.folder_label)
        self.notifier = Notifier(QApplication.windowIcon(), self.statusBar(), self)
        self.menus = WindowMenus(self)
        self._wire()
        self._workspace_changed()
        self._layout.restore(self, self._splitters())
        self.onboarding = Onboarding(self)  # the setup, client management, the undo banner
        # Relative times and clocks on the cards move on by themselves.
        self._tick = QTimer(self, interval=30_000, timeout=self.feed.viewport().update)
        self._tick.start()

    # -- construction ----------------------------------------------------------------------------
    def _make_banner(self) -> QFrame:
        banner = QFrame(objectName="demoBanner")
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(12, 6, 12, 6)
        text = plain_label(
            "Demo workspace: fictional clients and mentions, so you can try everything. "
            "Nothing is posted anywhere."
        )
        leave = QPushButton("Leave demo")
        leave.clicked.connect(self.leave_demo)
        layout.addWidget(text, 1)
        layout.addWidget(leave)
        return banner

    def _make_review(self) -> ReviewPanel:
        from socialdesk.ui.review import ReviewPanel

        return ReviewPanel(self.replies)

    def _make_outbox(self) -> OutboxPanel:
        from socialdesk.ui.outbox import OutboxPanel

        return OutboxPanel(self.replies)

    def _make_history(self) -> HistoryPanel:
        from socialdesk.ui.history import HistoryPanel

        history = HistoryPanel(self.controller)
        history.openRequested.connect(self.open_history_item)
        return history

    def _make_reports(self) -> ReportsPanel:
        from socialdesk.ui.reports import ReportsPanel

        reports = ReportsPanel(self.controller)
        reports.set_clients(self.controller.clients)  # those loaded before it was made
        return reports

    @property
    def review(self) -> ReviewPanel:
        return self.views.page(VIEWS.index("Review"))  # type: ignore[return-value]

    @property
    def outbox(self) -> OutboxPanel:
        return self.views.page(VIEWS.index("Outbox"))  # type: ignore[return-value]

    @property
    def history(self) -> HistoryPanel:
        return self.views.page(VIEWS.index("History"))  # type: ignore[return-value]

    @property
    def reports(self) -> ReportsPanel:
        return self.views.page(VIEWS.index("Reports"))  # type: ignore[return-value]

    def _composers(self) -> list[Composer]:
        """The inbox's composer, and the review's once it has been made."""
        review = self.views.made(VIEWS.index("Review"))
        return [self.composer] + ([review.composer] if review is not None else [])

    def _wire(self) -> None:
        c = self.controller
        c.clientsChanged.connect(self.sidebar.set_clients)
        c.viewsChanged.connect(self.sidebar.set_views)
        self.sidebar.deleteViewRequested.connect(c.delete_view)
        self.feed_panel.filters.saveRequested.connect(self.save_view)
        self.sidebar.muteRequested.connect(c.set_muted)
        self.sidebar.brandVoiceRequested.connect(self.edit_brand_voice)
        c.alerted.connect(self.notifier.show)
        self.notifier.activated.connect(self.show_mention)
        c.syncStateChanged.connect(self.sync_label.setText)
        c.workspaceChanged.connect(self._workspace_changed)
        c.ready.connect(self._focus_feed)
        c.failed.connect(self.show_error)
        c.mentionChanged.connect(self._mention_changed)
        c.notice.connect(lambda text: self.statusBar().showMessage(text, 8_000))
        self.sidebar.targetChosen.connect(self.show_target)
        empty = self.feed_panel.empty
        empty.demoRequested.connect(self.open_demo)
        empty.syncRequested.connect(c.sync_now)
        self.views.currentChanged.connect(
            lambda i: self.actions.set_shown(self.views.widget(i) is self.inbox_split)
        )
        self.feed_panel.currentChanged.connect(self._current_mention_changed)
        self.detail.notesSaved.connect(c.set_author_notes)
        self.feed_panel.nothingToShow.connect(self.detail.show_nothing_to_select)
        self.actions.replyRequested.connect(self.start_reply)
        self.sidebar.pauseOutboxRequested.connect(self.replies.set_client_paused)
        self.replies.reviewChanged.connect(
            lambda items: self.sidebar.set_view_counts("Review", len(items))
        )
        self.replies.outboxChanged.connect(self._outbox_counts)
        c.crises.crisesChanged.connect(
            lambda found: self.sidebar.set_crisis({x.client_id for x in found if not x.ended})
        )

    # -- behaviour -------------------------------------------------------------------------------
    def show_target(self, target: Target) -> None:
        self.views.setCurrentIndex(VIEWS.index(target.view))
        if target.saved_view is not None:
            view = next(v for v in self.controller.saved_views if v.id == target.saved_view)
            self.feed_panel.show_saved_view(view.filter, view.name)
        elif target.view == "Inbox":
            self.feed_panel.set_scope(target.client_id, target.account_id, self._scope_name(target))

    def show_mention(self, mention_id: int) -> None:
        """Bring the window up on one mention (a clicked notification)."""
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.sidebar.select(Target("Inbox"))
        self.feed_panel.set_scope(None, None, "All clients")  # not a conversation left open
        self.feed_panel.filters.reset()
        i = self.feed_model.row_for(mention_id)
        if i is not None:
            self.feed.setCurrentIndex(self.feed_model.index(i))

    def save_view(self) -> None:
        name, ok = QInputDialog.getText(
            self, "Save view", "Name for this inbox view (e.g. Complaints overdue):"
        )
        if ok and name.strip():
            self.controller.save_view(name, self.feed_model.filter)

    def _scope_name(self, target: Target) -> str:
        for client in self.controller.clients:
            if client.id == target.client_id:
                for account in client.accounts:
                    if account.id == target.account_id:
                        return f"{client.name} · @{account.handle}"
                return client.name
        return "All clients"

    def _workspace_changed(self) -> None:
        demo = self.controller.is_demo
        self.setWindowTitle("SocialDesk — Demo workspace" if demo else "SocialDesk")
        self.banner.setVisible(demo)
        self.menus.show_workspace(demo)
        self.sidebar.set_demo(demo)
        self.folder_label.setText(f"Data: {self.controller.data_dir}")
        self.folder_label.setToolTip(str(self.controller.database_path))
        # The sidebar's Inbox selection (once the clients arrive) loads the feed.
        self.detail.show_detail(None)
        for composer in self._composers():
            composer.reset()  # ids of the last workspace mean other mentions in this one
        self.composer.hide()

    def _current_mention_changed(self, mention_id: int | None) -> None:
        self.composer.save_now()  # what was typed for the previous mention is kept
        if mention_id is None:
            self.detail.show_detail(None)
            return

        def shown(detail: MentionDetail | None) -> None:
            if self.feed_panel.current_id() != mention_id:
                return  # the user moved on while it loaded
            self.detail.show_detail(detail)
            self._composer_follows(detail)
            if detail and detail.row.status == MentionStatus.NEW:
                self.controller.mark_read(mention_id)
            self.detailShown.emit(mention_id)

        # The first mention selected at start-up shows once the window has painted: its triage
        # and its account's limits load the word lists and the network (test_startup_imports).
        self.controller.when_painted(lambda: self.controller.load_detail(mention_id, shown))

    def _outbox_counts(self, items) -> None:
        waiting = sum(OutboxState(i.state).waiting for i in items)
        failed = sum(i.state == OutboxState.FAILED for i in items)
        self.sidebar.set_view_counts("Outbox", waiting, failed)

    def _composer_follows(self, detail: MentionDetail | None) -> None:
        """The composer shows the mention's draft when it has one; otherwise it waits for r."""
        if detail is None or self.actions.read_only:
            self.composer.hide()
            return
        self.composer.open(ReplyTarget.for_mention(detail.row))
        # Shown when there is a draft, or when r was pressed for it before the detail arrived.
        asked = self._reply_asked == detail.row.id
        self.composer.setVisible(self.composer.has_draft() or asked)

    def start_reply(self, row) -> None:
        """``r``: the composer under the mention, focused, with its draft if there is one."""
        self._reply_asked = row.id
        self.composer.open(ReplyTarget.for_mention(row))
        self.composer.show()
        self.composer.editor.setFocus(Qt.ShortcutFocusReason)
        QTimer.singleShot(0, lambda: self.detail.ensureWidgetVisible(self.composer))

    def new_post(self) -> None:
        if not any(c.accounts for c in self.controller.clients):
            self.statusBar().showMessage("Add an account first: a post needs one.", 8_000)
            return
        chosen = self.sidebar.currentIndex().data(TargetRole)
        client_id = chosen.client_id if chosen is not None else None
        from socialdesk.ui.new_post import NewPostDialog

        dialog = NewPostDialog(self.replies, self.controller.clients, self, client_id)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.exec()

    def _mention_changed(self, mention_id: int) -> None:
        if self.detail.mention_id != mention_id:
            return

        def fresh(detail: MentionDetail | None) -> None:
            # Marking it done moves on to the next mention: a reload finishing after that one's
            # must not put the done mention back in the pane.
            if self.detail.mention_id == mention_id:
                self.detail.show_detail(detail)

        self.controller.load_detail(mention_id, fresh)

    def _focus_feed(self) -> None:
        """Loaded: the keys act on the feed (not on the sidebar, where typing picks a client),
        starting from the first mention."""
        self.feed.setFocus(Qt.OtherFocusReason)
        if not self.feed.currentIndex().isValid():
            self.select_first_mention()

    def select_first_mention(self) -> None:
        """Select the top mention and show it (again, if it was already current)."""
        if not self.feed_model.rowCount():
            return
        first = self.feed_model.index(0)
        if self.feed.currentIndex() == first:
            self._current_mention_changed(first.data(MentionIdRole))
        else:
            self.feed.selectionModel().setCurrentIndex(first, QItemSelectionModel.ClearAndSelect)

    def edit_preferences(self) -> None:
        from socialdesk.ui.preferences import PreferencesDialog

        if PreferencesDialog.edit(self.controller.settings, self):
            theme.apply(QApplication.instance(), self.controller.settings.get("theme"))
            self.controller.apply_settings()
            self.feed.viewport().update()

    def focus_search(self) -> None:
        """Into the History's search box when it is shown, else the inbox's (from any view)."""
        if self.views.currentIndex() == VIEWS.index("History"):
            self.history.focus_search()
            return
        if self.views.currentIndex() != VIEWS.index("Inbox"):
            self.sidebar.select(Target("Inbox"))
        self.feed_panel.filters.search.setFocus(Qt.ShortcutFocusReason)
        self.feed_panel.filters.search.selectAll()

    def open_history_item(self, item: HistoryItem) -> None:
        """A history result's whole conversation, in the inbox, with the result selected."""
        mention = self.controller.mention_row(item.mention_id) if item.mention_id else None
        if mention is None:
            self.statusBar().showMessage(
                "This is a new post, not an answer: it has no conversation to open.", 8_000
            )
            return
        self.sidebar.select(Target("Inbox"))
        name = f"Conversation with @{mention.author_handle}"
        because = ""
        if all(c.id != mention.client_id for c in self.controller.clients):
            name += " (read-only)"
            because = (
                f"{mention.client_name} is archived, so this conversation can be read but not "
                "answered or changed. Workspace → Clients… restores the client."
            )
        self.feed_panel.show_conversation(mention.id, name, because)
        self.feed.setFocus(Qt.OtherFocusReason)

    def simulate_crisis(self) -> None:
        """Demo only: a crisis for the chosen client, to walk through the whole workflow."""
        names = [c.name for c in self.controller.clients]
        if not names:
            return
        name, ok = QInputDialog.getItem(
            self, "Simulate a crisis", "A login outage for which client?", names, 0, False
        )
        if ok:
            client = next(c for c in self.controller.clients if c.name == name)
            self.controller.crises.simulate(client.id)

    def open_statements(self, client) -> None:
        """The drafted crisis statements, one tab per account of the client."""
        from socialdesk.ui.statement import StatementDialog

        dialog = StatementDialog(self.replies, client, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.exec()

    def edit_accounts(self, add: bool = False) -> None:
        from socialdesk.ui.accounts import AccountsDialog

        dialog = AccountsDialog(self.controller.accounts, self.controller, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        if add:  # straight to connecting one, once the dialog is up
            QTimer.singleShot(0, dialog.add)
        dialog.exec()

    def edit_brand_voice(self, client_id: int | None = None) -> None:
        """The brand voice of ``client_id``, or of the client chosen in the sidebar."""
        if client_id is None:
            target = self.sidebar.currentIndex().data(TargetRole)
            client_id = target.client_id if target is not None else None
        client = next((c for c in self.controller.clients if c.id == client_id), None)
        if client is None:
            self.statusBar().showMessage("Choose a client in the sidebar first.", 8_000)
            return
        from socialdesk.ui.brand_voice import BrandVoiceDialog

        saved = BrandVoiceDialog.edit(client, self)
        if saved is not None:
            self.controller.set_brand_voice(client.id, *saved)

    def leave_demo(self) -> None:
        if self._confirm(
            "Leave the demo workspace?",
            "SocialDesk will open your own, empty workspace. The demo stays available from the "
            "Workspace menu.",
        ):
            self._save_drafts()
            self.controller.leave_demo()

    def reset_demo(self) -> None:
        if self._confirm(
            "Reset the demo workspace?",
            "Every change made in the demo (statuses, drafts) is replaced by a fresh demo. "
            "Your own workspace is not touched.",
        ):
            self._save_drafts()
            self.controller.reset_demo()

    def open_demo(self) -> None:
        self._save_drafts()
        self.controller.open_demo()

    def _save_drafts(self) -> None:
        for composer in self._composers():
            composer.save_now()

    def _confirm(self, title: str, text: str) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.Yes

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)
        QMessageBox.warning(self, "SocialDesk", message)

    # -- layout memory ---------------------------------------------------------------------------
    def _splitters(self) -> tuple[QSplitter, QSplitter]:
        return self.main_split, self.inbox_split

    def _keep_feed_cards(self) -> None:
        """Stacked (a narrow window), the feed keeps FEED_CARDS whole cards when the mention
        under it keeps six lines: at 800×600 with the demo's and a crisis's banners above."""
        if self.inbox_split.orientation() != Qt.Vertical:
            return
        feed, detail = self.inbox_split.sizes()
        grow = self.feed_panel.height_for_cards(FEED_CARDS) - feed
        spare = detail - max(
            self.detail.minimumSizeHint().height(), 6 * self.detail.fontMetrics().lineSpacing()
        )
        if grow > 0 and spare > 0:
            self.inbox_split.setSizes([feed + min(grow, spare), detail - min(grow, spare)])

    def save_layout(self) -> None:
        self._layout.save(self, self._splitters())

    def closeEvent(self, event) -> None:
        self._save_drafts()
        self.save_layout()
        dialogs.remember_in(None)
        self.controller.shutdown()
        super().closeEvent(event)
