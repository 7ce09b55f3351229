import QtQuick
import QtQuick.Controls.Basic
import RescueBay.Theme

// A touch button: at least Theme.touchTarget tall. `primary` is the one accent action on a
// screen; a destructive button is never primary.
Button {
    id: control
    property bool primary: false
    property bool destructive: false

    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: Math.max(Theme.touchTarget * 2, implicitContentWidth + leftPadding + rightPadding)
    leftPadding: Theme.gap + 4
    rightPadding: Theme.gap + 4
    font.pixelSize: Theme.bodyText
    font.bold: primary

    contentItem: Text {
        text: control.text
        font: control.font
        color: !control.enabled ? Theme.unavailable
             : control.primary ? Theme.textOnAccent
             : control.destructive ? Theme.danger : Theme.accent
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        // Three lines before anything is cut: a French action on a narrow portrait card.
        wrapMode: Text.WrapAtWordBoundaryOrAnywhere
        maximumLineCount: 3
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? Theme.surfaceAlt
             : control.primary ? (control.down ? Qt.darker(Theme.accent, 1.2) : Theme.accent)
             : (control.down ? Theme.surfaceAlt : Theme.surface)
        border.width: control.primary ? 0 : 2
        border.color: !control.enabled ? Theme.line : control.destructive ? Theme.danger : Theme.accent
    }
}
