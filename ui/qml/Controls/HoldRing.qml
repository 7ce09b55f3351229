import QtQuick
import RescueBay.Theme

// A ring that fills while a button is held, with the seconds left in the middle.
Item {
    id: ring
    property real fraction: 0        // 0..1 filled
    property int secondsLeft: 0
    // The tick is for a mode the kiosk has seen, not for the countdown reaching zero.
    property bool success: false
    property color color: Theme.highlight
    implicitWidth: 140
    implicitHeight: 140

    onFractionChanged: canvas.requestPaint()
    onColorChanged: canvas.requestPaint()

    Canvas {
        id: canvas
        anchors.fill: parent
        onPaint: {
            const ctx = getContext("2d")
            const r = Math.min(width, height) / 2 - 10
            ctx.reset()
            ctx.lineWidth = 14
            ctx.strokeStyle = Theme.line
            ctx.beginPath()
            ctx.arc(width / 2, height / 2, r, 0, 2 * Math.PI)
            ctx.stroke()
            ctx.strokeStyle = ring.color
            ctx.beginPath()
            ctx.arc(width / 2, height / 2, r, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI * ring.fraction)
            ctx.stroke()
        }
    }
    Text {
        objectName: "secondsLeft"
        anchors.centerIn: parent
        text: ring.success ? "\u2713" : qsTr("%1 s").arg(ring.secondsLeft)
        font.pixelSize: Theme.titleText
        font.bold: true
        color: Theme.text
    }
}
