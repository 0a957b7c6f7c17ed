import json

import pytest

from socialdesk.config import SETTINGS, Settings, resolve_data_dir


def test_defaults_come_from_the_declarations(tmp_path):
    settings = Settings.load(tmp_path)
    for setting in SETTINGS:
        assert settings.get(setting.key) == setting.default


def test_saved_settings_survive_a_restart(tmp_path):
    settings = Settings.load(tmp_path)
    settings.set("agent_name", "Sam")
    settings.set("sync_interval_seconds", 120)
    settings.save()
    again = Settings.load(tmp_path)
    assert again.get("agent_name") == "Sam"
    assert again.get("sync_interval_seconds") == 120
    assert json.loads((tmp_path / "settings.json").read_text())["schema_version"] == 1


def test_a_damaged_or_hand_edited_file_falls_back_to_defaults(tmp_path):
    (tmp_path / "settings.json").write_text('{"theme": "purple", "sync_interval_seconds": "soon"')
    settings = Settings.load(tmp_path)
    assert settings.get("theme") == "system"
    (tmp_path / "settings.json").write_text('{"theme": "purple", "sync_interval_seconds": 1}')
    settings = Settings.load(tmp_path)
    assert settings.get("theme") == "system"
    assert settings.get("sync_interval_seconds") == 15  # clamped to the minimum


def test_setting_a_bad_value_is_refused_with_the_settings_name(tmp_path):
    settings = Settings.load(tmp_path)
    with pytest.raises(ValueError, match="Theme"):
        settings.set("theme", "neon")


def test_data_dir_comes_from_the_flag_then_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("SOCIALDESK_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "flag")) == tmp_path / "flag"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("SOCIALDESK_DATA_DIR")
    assert "SocialDesk" in str(resolve_data_dir(None))
