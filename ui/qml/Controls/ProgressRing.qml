import QtQuick
import RescueBay.Theme

// A restore's progress as a ring with the percentage in the middle (bay card, flow screen).
// The icon inside says the state in a shape too, so colour is never the only cue.
Item {
    id: ring
    property real percent: 0          // 0..100
    property string label: ""         // under the number ("Restoring", "Interrupted")
    property string icon: ""          // replaces the number when set (done, failed)
    property color color: Theme.accent
    property int thickness: Math.max(6, width / 14)
    implicitWidth: 120
    implicitHeight: 120

    onPercentChanged: canvas.requestPaint()
    onColorChanged: canvas.requestPaint()
    onWidthChanged: canvas.requestPaint()

    Canvas {
        id: canvas
        anchors.fill: parent
        onPaint: {
            const ctx = getContext("2d")
            const r = Math.min(width, height) / 2 - ring.thickness
            const f = Math.max(0, Math.min(1, ring.percent / 100))
            ctx.reset()
            ctx.lineWidth = ring.thickness
            ctx.strokeStyle = Theme.line
            ctx.beginPath()
            ctx.arc(width / 2, height / 2, r, 0, 2 * Math.PI)
            ctx.stroke()
            ctx.strokeStyle = ring.color
            ctx.beginPath()
            ctx.arc(width / 2, height / 2, r, -Math.PI / 2, -Math.PI / 2 + 2 * Math.PI * f)
            ctx.stroke()
        }
    }
    Column {
        anchors.centerIn: parent
        width: parent.width - 3 * ring.thickness
        Text {
            objectName: "ringPercent"
            width: parent.width
            horizontalAlignment: Text.AlignHCenter
            text: ring.icon !== "" ? ring.icon : qsTr("%1 %").arg(Math.floor(ring.percent))
            font.pixelSize: Math.max(Theme.smallText, ring.width / 5)
            font.bold: true
            color: Theme.text
        }
        Text {
            width: parent.width
            visible: ring.label !== "" && ring.width >= 100
            horizontalAlignment: Text.AlignHCenter
            text: ring.label
            font.pixelSize: Theme.smallText
            color: Theme.muted
            elide: Text.ElideRight
        }
    }
}
