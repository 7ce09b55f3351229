import QtQuick

// Holds words that fit on most screens but not on a short one (1024x600): there it scrolls,
// elsewhere it does not flick, so taps go straight through to what it holds.
Flickable {
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    interactive: contentHeight > height + 1
}
