import QtQuick
import RescueBay.Theme
import RescueBay.Core

// Our drawing of a device family (Rb.Drawing), front view with the keys on its edges as
// named parts. `highlight` (Rb.Button bits) marks the keys to press; `holding` says hold.
Item {
    id: drawing
    property int kind: Rb.DrawingGeneric
    property int highlight: 0
    property bool holding: false
    property bool showLabels: true
    // Side views left and right of the front, with the keys named there (the guide).
    property bool showSide: false

    readonly property bool isPad: kind === Rb.DrawingIpadHome || kind === Rb.DrawingIpadTop
                                  || kind === Rb.DrawingIpadTopVolume
    readonly property bool hasHome: kind === Rb.DrawingIphoneHome || kind === Rb.DrawingIphoneSolidHome
                                    || kind === Rb.DrawingIpadHome || kind === Rb.DrawingIphoneHomeTop
    readonly property real aspect: isPad ? 1.4 : 2.05
    // Keys: edge ("left", "right", "top"), position and length as fractions of the edge.
    readonly property var geometry: {
        const P = Rb.ButtonSide, U = Rb.ButtonVolumeUp, D = Rb.ButtonVolumeDown
        const N = Rb.ButtonVolumeNear, F = Rb.ButtonVolumeFar
        switch (kind) {
        case Rb.DrawingIphoneHomeTop:   // iPhone SE (1st gen), 5s and older, iPod touch
            return [{ bits: P, edge: "top", at: 0.74, len: 0.2 },
                    { bits: U, edge: "left", at: 0.22, len: 0.08 },
                    { bits: D, edge: "left", at: 0.32, len: 0.08 }]
        case Rb.DrawingIphoneHome:
        case Rb.DrawingIphoneSolidHome:
        case Rb.DrawingIphoneFaceId:
            return [{ bits: P, edge: "right", at: 0.22, len: 0.12 },
                    { bits: U, edge: "left", at: 0.24, len: 0.08 },
                    { bits: D, edge: "left", at: 0.34, len: 0.08 }]
        case Rb.DrawingIphoneAction:
            return [{ bits: P, edge: "right", at: 0.22, len: 0.12 },
                    { bits: 0, edge: "left", at: 0.15, len: 0.045, name: qsTr("Action") },
                    { bits: U, edge: "left", at: 0.25, len: 0.08 },
                    { bits: D, edge: "left", at: 0.35, len: 0.08 }]
        case Rb.DrawingIphoneCamera:
            return [{ bits: P, edge: "right", at: 0.22, len: 0.12 },
                    { bits: 0, edge: "right", at: 0.52, len: 0.07, name: qsTr("Camera Control") },
                    { bits: 0, edge: "left", at: 0.15, len: 0.045, name: qsTr("Action") },
                    { bits: U, edge: "left", at: 0.25, len: 0.08 },
                    { bits: D, edge: "left", at: 0.35, len: 0.08 }]
        case Rb.DrawingIpadHome:
        case Rb.DrawingIpadTop:
            return [{ bits: P, edge: "top", at: 0.85, len: 0.1 },
                    { bits: U | N, edge: "right", at: 0.1, len: 0.08 },
                    { bits: D | F, edge: "right", at: 0.2, len: 0.08 }]
        case Rb.DrawingIpadTopVolume:
            return [{ bits: P, edge: "top", at: 0.85, len: 0.1 },
                    { bits: U | N, edge: "top", at: 0.68, len: 0.08 },
                    { bits: D | F, edge: "top", at: 0.56, len: 0.08 }]
        }
        return []
    }

    // Everything a key's delegate needs, so it reads nothing outside itself.
    readonly property var parts: geometry.map(p => Object.assign({}, p, {
        highlight: highlight, holding: holding, sideViews: showSide,
        thick: Math.max(14, body.width * 0.07), bodyWidth: body.width, bodyHeight: body.height,
        labelWidth: labelRoom,
        label: !showLabels ? "" : p.name ? p.name
             : CommonStrings.buttonName(p.bits & (Rb.ButtonSide | Rb.ButtonVolumeUp | Rb.ButtonVolumeDown), kind)
    }))

    readonly property var leftParts: parts.filter(p => p.edge === "left")
    readonly property var rightParts: parts.filter(p => p.edge === "right")
    readonly property bool hasTopKeys: parts.some(p => p.edge === "top")
    // Above the body: the Top button and its name (two lines of small text at most).
    readonly property real topRoom: hasTopKeys && showLabels ? Theme.smallText * 2.6 + 40 : 0
    // Below the body: the Home button's name hangs under it (two lines at most), clear of
    // what follows the drawing.
    readonly property real bottomRoom: hasHome && showLabels ? Theme.smallText * 2.8 + 8 : 0
    // Beside the outermost view on each side: key names wrap within it, never over a view.
    readonly property real labelRoom: Math.max(60, (width - body.width) / 2
                                               - (showSide ? sideWidth * 1.65 : 0) - 16)

    // Keys closer together than their names are tall (a small drawing, 1024x600): name only
    // the key to press, as on an iPad.
    readonly property bool crowded: body.height * 0.1 < Theme.smallText * (labelRoom >= 130 ? 1.4 : 2.8) + 6

    implicitWidth: 260
    implicitHeight: implicitWidth * aspect

    Rectangle {
        id: body
        // Room on both sides for the key names.
        width: Math.min(drawing.width * (drawing.showSide ? (drawing.isPad ? 0.34 : 0.26)
                                         : drawing.showLabels ? 0.4 : 0.8),
                        (drawing.height - drawing.topRoom - drawing.bottomRoom) * 0.94 / drawing.aspect)
        height: width * drawing.aspect
        anchors.centerIn: parent
        anchors.verticalCenterOffset: (drawing.topRoom - drawing.bottomRoom) / 2
        radius: width * (drawing.isPad ? 0.07 : 0.14)
        color: "#2B3035"
        border.color: "#14171A"
        border.width: 2

        Rectangle {   // the screen
            anchors.fill: parent
            anchors.margins: body.width * 0.045
            anchors.topMargin: drawing.hasHome ? body.height * 0.11 : body.width * 0.045
            anchors.bottomMargin: drawing.hasHome ? body.height * 0.11 : body.width * 0.045
            radius: drawing.hasHome ? 6 : body.radius * 0.8
            color: "#1D2126"
            Text {
                visible: drawing.kind === Rb.DrawingGeneric
                anchors.centerIn: parent
                width: parent.width * 0.8
                text: qsTr("Model not known")
                color: "#AEB6BF"
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: Theme.smallText
            }
        }
        Rectangle {   // Face ID notch / island
            visible: !drawing.hasHome && !drawing.isPad && drawing.kind !== Rb.DrawingGeneric
            width: body.width * 0.3
            height: body.width * 0.075
            radius: height / 2
            color: "#0C0E10"
            anchors.horizontalCenter: parent.horizontalCenter
            y: body.width * 0.07
        }
        DevicePart {   // Home button
            visible: drawing.hasHome
            bits: drawing.kind === Rb.DrawingIphoneSolidHome ? 0 : Rb.ButtonHome
            highlight: drawing.highlight
            holding: drawing.holding
            width: body.width * (drawing.isPad ? 0.1 : 0.17)
            height: width
            anchors.horizontalCenter: parent.horizontalCenter
            y: body.height - body.height * 0.055 - height / 2
            color: active ? Theme.highlight : "#3A4047"
            border.width: active ? 3 : 2
            border.color: active ? "#7A4A00" : "#737B84"
            labelBelow: true
            label: !drawing.showLabels ? ""
                 : drawing.kind === Rb.DrawingIphoneSolidHome ? qsTr("Home (not used)") : qsTr("Home")
        }

        Repeater {
            model: drawing.parts
            DevicePart {
                required property var modelData
                readonly property real thick: modelData.thick
                bits: modelData.bits
                highlight: modelData.highlight
                holding: modelData.holding
                // With side views the names go there; the top edge has no side view.
                label: modelData.edge !== "top" && modelData.sideViews ? "" : modelData.label
                labelWidth: modelData.labelWidth
                labelOnLeft: modelData.edge === "left"
                // On the top edge the Top button is named above it, clear of the side keys'
                // names; a volume key next to it is named below, on the body.
                labelAbove: modelData.edge === "top" && modelData.bits === Rb.ButtonSide
                labelBelow: modelData.edge === "top" && modelData.bits !== Rb.ButtonSide
                // Keys side by side on the top edge: name only the one to press.
                labelWhenActiveOnly: modelData.edge === "top" && modelData.bits !== Rb.ButtonSide
                color: modelData.bits === 0 ? "#8C96A0" : (active ? Theme.highlight : "#5D6670")
                width: modelData.edge === "top" ? modelData.bodyWidth * modelData.len : thick
                height: modelData.edge === "top" ? thick : modelData.bodyHeight * modelData.len
                x: modelData.edge === "left" ? -thick + 2
                   : modelData.edge === "right" ? modelData.bodyWidth - 2
                   : modelData.bodyWidth * modelData.at - width / 2
                y: modelData.edge === "top" ? -thick + 2 : modelData.bodyHeight * modelData.at - height / 2
            }
        }
    }

    // ---- side views: the phone's left and right edges seen face-on ----------------------
    // Everything a delegate needs is in its model entry (delegates read nothing outside).
    readonly property real sideWidth: Math.max(26, Math.min(body.width * 0.16, 40))
    readonly property var sides: !showSide ? [] : allSides.filter(side => side.keys.length > 0)
    readonly property var allSides: [
        { isLeft: true, x: body.x - sideWidth * 0.8 - sideWidth, y: body.y, w: sideWidth, h: body.height,
          keys: leftParts.map(k => Object.assign({}, k, { sideWidth: sideWidth, isLeft: true, isPad: isPad, crowded: crowded })) },
        { isLeft: false, x: body.x + body.width + sideWidth * 0.8, y: body.y, w: sideWidth, h: body.height,
          keys: rightParts.map(k => Object.assign({}, k, { sideWidth: sideWidth, isLeft: false, isPad: isPad, crowded: crowded })) }
    ]
    Repeater {
        model: drawing.sides
        Rectangle {
            id: side
            required property var modelData
            x: modelData.x
            y: modelData.y
            width: modelData.w
            height: modelData.h
            radius: width / 2
            color: "#3A4047"
            border.color: "#14171A"
            Repeater {
                model: side.modelData.keys
                DevicePart {
                    required property var modelData
                    bits: modelData.bits
                    highlight: modelData.highlight
                    holding: modelData.holding
                    label: modelData.label
                    labelWidth: modelData.labelWidth
                    // An iPad's volume keys sit too close for two names: name the one to press.
                    labelWhenActiveOnly: (modelData.isPad && modelData.bits !== 0) || modelData.crowded
                    labelOnLeft: modelData.isLeft
                    color: modelData.bits === 0 ? "#8C96A0" : (active ? Theme.highlight : "#5D6670")
                    width: modelData.sideWidth * 0.7
                    height: modelData.bodyHeight * modelData.len
                    x: (modelData.sideWidth - width) / 2
                    y: modelData.bodyHeight * modelData.at - height / 2
                }
            }
        }
    }
}
