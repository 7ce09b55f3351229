import QtQuick
import QtQuick.Layouts
import RescueBay.Theme

// Identify -> Backup -> Choose -> Mode -> Restore -> Done. Each step: done, current,
// open, skipped, blocked or unavailable (with the reason under it). Every step can be tapped.
// Six in a row; on a narrow (portrait) screen two rows of three, so step names stay whole.
GridLayout {
    id: bar
    // Six in a row only where the longest step name fits its cell at the smallest size.
    columns: width >= 900 && (width - 5 * columnSpacing) / 6 - 8 >= longestTitle ? 6 : 3
    FontMetrics {
        id: metrics
        font.pixelSize: Theme.smallText
        font.bold: true
    }
    readonly property real longestTitle: {
        let w = 0
        for (const s of steps)
            w = Math.max(w, metrics.advanceWidth(CommonStrings.flowStepTitle(s.step)))
        return w
    }
    // [{step, state: "done"|"current"|"open"|"unavailable"|"skipped"|"blocked", reason}]
    property var steps: []
    // A short screen (1024x600) keeps the steps one touch target tall.
    property bool compact: false
    signal picked(int step)
    columnSpacing: 6
    rowSpacing: 6
    // Every step as tall as the tallest: a long reason (German, a portrait screen) wraps in
    // full instead of being cut, and the steps stay one even row.
    readonly property real tallest: {
        let h = 0
        for (let i = 0; i < cells.count; i++) {
            const c = cells.itemAt(i)
            if (c)
                h = Math.max(h, c.contentHeight)
        }
        return h
    }

    Repeater {
        id: cells
        model: bar.steps
        onItemAdded: (i, item) => {
            item.tapped.connect(bar.picked)
            item.Layout.preferredHeight = Qt.binding(() => Math.max(Theme.touchTarget + (bar.compact ? 0 : 28), bar.tallest + (bar.compact ? 8 : 16)))
        }
        Rectangle {
            id: cell
            required property var modelData
            required property int index
            readonly property string st: modelData.state
            readonly property real contentHeight: col.implicitHeight
            Layout.fillWidth: true
            Layout.preferredWidth: 10
            radius: Theme.radius
            color: st === "current" ? Theme.accent : st === "done" ? "#E3F1E6" : Theme.surface
            border.width: 2
            border.color: st === "current" ? Theme.accent : st === "done" ? Theme.ok
                        : st === "blocked" ? Theme.danger : Theme.line

            Column {
                id: col
                anchors.centerIn: parent
                width: parent.width - 8
                Text {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    text: (cell.st === "done" ? "\u2713 " : cell.st === "blocked" ? "\u2715 "
                           : cell.st === "skipped" ? "\u2013 " : cell.st === "unavailable" ? "" : (cell.index + 1) + " ")
                          + CommonStrings.flowStepTitle(cell.modelData.step)
                    font.pixelSize: Theme.bodyText
                    font.bold: cell.st === "current"
                    color: cell.st === "current" ? Theme.textOnAccent
                         : cell.st === "unavailable" || cell.st === "skipped" ? Theme.muted
                         : cell.st === "blocked" ? Theme.danger : Theme.text
                    // A long (German) step name shrinks to the smallest text, and puts the
                    // step number on a line of its own, before it is cut.
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: Theme.smallText
                    wrapMode: Text.WordWrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }
                Text {
                    width: parent.width
                    visible: text !== ""
                    horizontalAlignment: Text.AlignHCenter
                    text: cell.modelData.reason ? (cell.st === "unavailable" ? "\u2205 " : "") + cell.modelData.reason : ""
                    font.pixelSize: Theme.smallText
                    color: cell.st === "current" ? Theme.textOnAccent : Theme.muted
                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere
                }
            }
            signal tapped(int step)
            MouseArea {
                anchors.fill: parent
                onClicked: cell.tapped(cell.modelData.step)
            }
        }
    }
}
