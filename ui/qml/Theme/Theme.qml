pragma Singleton
import QtQuick

// Sizes and colours of the kiosk. Every touch target is at least `touchTarget` px: 64 px is
// more than 9 mm on any counter screen up to 180 ppi (a 13" 1280x800 panel is ~113 ppi,
// where 9 mm is 40 px; a 24" 1920x1080 panel is ~92 ppi, 33 px).
QtObject {
    readonly property int touchTarget: 64
    readonly property int smallText: 18      // the smallest text anywhere
    readonly property int bodyText: 20
    readonly property int headingText: 26
    readonly property int titleText: 34
    readonly property int hugeText: 44       // verdicts, customer-facing words

    readonly property int gap: 16
    readonly property int margin: 24
    readonly property int radius: 14
    readonly property int minWidth: 1280
    readonly property int minHeight: 800

    readonly property color background: "#EEF1F5"
    readonly property color surface: "#FFFFFF"
    readonly property color surfaceAlt: "#F6F8FA"
    readonly property color line: "#C9D0D8"
    readonly property color text: "#15191E"
    readonly property color muted: "#4F5863"      // still 7:1 on white
    readonly property color accent: "#0B5FD0"     // the one action to take
    readonly property color textOnAccent: "#FFFFFF"
    readonly property color ok: "#1B7A33"
    readonly property color warning: "#9A5200"
    readonly property color danger: "#B3261E"
    readonly property color unavailable: "#8A939D"
    readonly property color highlight: "#FFB300"  // the button to press on a drawing

    // Mode badges: colour is never the only cue (each also has a shape and a word).
    readonly property color modeNormal: ok
    readonly property color modeRecovery: warning
    readonly property color modeDfu: "#6A3BB0"
    readonly property color modeRestore: accent
    readonly property color modeUnknown: unavailable

    readonly property int pulseMs: 700
}
