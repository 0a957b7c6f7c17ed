import pytest

from socialdesk.store import saved_views
from socialdesk.store.mentions import MentionFilter


def test_a_saved_view_comes_back_exactly(db):
    flt = MentionFilter(client_id=3, categories=("complaint",), overdue_only=True, sort="oldest")
    saved_views.save_view(db, "Complaints overdue", flt)
    (view,) = saved_views.list_views(db)
    assert (view.name, view.filter) == ("Complaints overdue", flt)


def test_saving_under_the_same_name_replaces_and_order_is_kept(db):
    first = saved_views.save_view(db, "Mine", MentionFilter())
    saved_views.save_view(db, "Other", MentionFilter())
    again = saved_views.save_view(db, "Mine", MentionFilter(priorities=("urgent",)))
    assert again == first
    views = saved_views.list_views(db)
    assert [v.name for v in views] == ["Mine", "Other"]
    assert views[0].filter.priorities == ("urgent",)
    saved_views.delete_view(db, first)
    assert [v.name for v in saved_views.list_views(db)] == ["Other"]


def test_a_view_needs_a_name(db):
    with pytest.raises(ValueError, match="needs a name"):
        saved_views.save_view(db, "   ", MentionFilter())


def test_unknown_fields_from_another_version_are_ignored(db):
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO saved_view (name, filter, position) VALUES"
            ' (\'Future\', \'{"sort": "newest", "mood": "sunny"}\', 1)'
        )
    (view,) = saved_views.list_views(db)
    assert view.filter == MentionFilter(sort="newest")
