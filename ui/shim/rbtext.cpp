#include "rbtext.h"

#include <QVarLengthArray>
#include <cstring>

#include "rescuebay/text.h"

QString rb::displayText(const char *text)
{
    if (!text || !*text)
        return QString();
    const size_t len = std::strlen(text);
    QVarLengthArray<char, 256> buf(256);
    size_t need = rb_text_escape(buf.data(), size_t(buf.size()), text, len, nullptr);
    if (need >= size_t(buf.size())) {
        buf.resize(qsizetype(need + 1));
        rb_text_escape(buf.data(), size_t(buf.size()), text, len, nullptr);
    }
    return QString::fromUtf8(buf.data(), qsizetype(need));
}
