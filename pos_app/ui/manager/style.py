"""The manager area's style sheet, layered over the counter theme.

Same palette as ``resources/theme.qss`` (accent #1A5FB4, success #1E7B45, error
#B42318, warning #8A5300); denser, because managers read tables, not tap buttons.
"""

from __future__ import annotations

__all__ = ["MANAGER_QSS"]

MANAGER_QSS = """
QDialog#managerArea, QDialog#managerPinDialog { background: #EEF0F3; }
QWidget { font-family: "DejaVu Sans"; font-size: 13px; color: #1C2430; }

QLabel[role="title"] { font-size: 19px; font-weight: bold; }
QLabel[role="section"] { font-size: 14px; font-weight: bold; color: #1C2430; }
QLabel[role="muted"] { color: #5D6675; font-size: 12px; }
QLabel[role="error"] { color: #B42318; font-size: 13px; }
QLabel[role="notice"] {
    color: #8A5300; background: #FFF4E0; border: 1px solid #F0C46C;
    border-radius: 6px; padding: 6px 8px;
}

QFrame[role="panel"] {
    background: #FFFFFF; border: 1px solid #D9DCE1; border-radius: 10px;
}
QFrame[role="panel"] QLabel { background: transparent; }
QFrame[role="tile"] {
    background: #FFFFFF; border: 1px solid #D9DCE1; border-radius: 10px;
}
QFrame[role="tile"] QLabel { background: transparent; border: none; }
QLabel[role="tile-caption"] { color: #5D6675; font-size: 12px; }
QLabel[role="tile-value"] { font-size: 22px; font-weight: bold; }
QLabel[role="tile-note"] { color: #5D6675; font-size: 11px; }
QLabel[tone="success"] { color: #1E7B45; }
QLabel[tone="warning"] { color: #8A5300; }
QLabel[tone="error"] { color: #B42318; }

QLabel[role="pill"] {
    border-radius: 9px; padding: 2px 10px; font-size: 12px; font-weight: bold;
    color: #FFFFFF; background: #5D6675;
}
QLabel[role="pill"][tone="success"] { background: #1E7B45; color: #FFFFFF; }
QLabel[role="pill"][tone="warning"] { background: #B7791F; color: #FFFFFF; }
QLabel[role="pill"][tone="error"] { background: #B42318; color: #FFFFFF; }
QLabel[role="pill"][tone="info"] { background: #1A5FB4; color: #FFFFFF; }

QPushButton {
    background: #FFFFFF; border: 1px solid #C5CAD3; border-radius: 6px;
    padding: 6px 14px; min-height: 20px;
}
QPushButton:hover { background: #F3F5F8; }
QPushButton:disabled { color: #9AA1AD; background: #F3F4F6; }
QPushButton[role="primary"] {
    background: #1A5FB4; color: #FFFFFF; border: 1px solid #1A5FB4; font-weight: bold;
}
QPushButton[role="primary"]:disabled { background: #8FB0D9; border-color: #8FB0D9; }
QPushButton[role="danger"] { color: #B42318; border-color: #E4A9A3; }
QPushButton[role="danger"]:disabled { color: #9AA1AD; border-color: #D9DCE1; }
QPushButton[role="key"] {
    font-size: 20px; min-height: 44px; min-width: 72px; border-radius: 8px;
}

QLineEdit#pinField {
    font-size: 26px; letter-spacing: 8px; padding: 8px; border: 1px solid #C5CAD3;
    border-radius: 8px; background: #FFFFFF;
}
QLineEdit, QComboBox, QDateEdit {
    background: #FFFFFF; border: 1px solid #C5CAD3; border-radius: 6px;
    padding: 4px 8px; min-height: 20px;
}

QTableView, QTreeWidget, QTableWidget {
    background: #FFFFFF; border: 1px solid #D9DCE1; border-radius: 8px;
    gridline-color: #EEF0F3; selection-background-color: #DCE8F7;
    selection-color: #1C2430; alternate-background-color: #F7F8FA;
}
QTableView#transactions { font-size: 12px; }
QHeaderView::section {
    background: #F3F5F8; color: #3A4350; border: none;
    border-bottom: 1px solid #D9DCE1; padding: 6px 6px; font-weight: bold;
    font-size: 12px;
}

QTabWidget::pane { border: none; }
QTabBar::tab {
    background: transparent; padding: 8px 18px; color: #5D6675; font-weight: bold;
    border-bottom: 2px solid transparent;
}
QTabBar::tab:selected { color: #1A5FB4; border-bottom: 2px solid #1A5FB4; }
"""
