"""The Bot Framework side: settings, adapter, activity handler, answer engines, cards, HTTP edges."""
