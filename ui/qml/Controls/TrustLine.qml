import QtQuick
import RescueBay.Theme
import RescueBay.Core

Text {
    property int trust: Rb.TrustUnknown
    text: CommonStrings.trustText(trust)
    color: trust === Rb.TrustRefused ? Theme.danger
         : trust === Rb.TrustPaired ? Theme.ok : Theme.text
    font.pixelSize: Theme.bodyText
    wrapMode: Text.WordWrap
}
