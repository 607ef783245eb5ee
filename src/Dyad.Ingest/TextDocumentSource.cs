using System.Globalization;
using System.Text;

namespace Dyad.Ingest;

/// <summary>
/// Plain text: one article, or several separated by form feed characters. An article longer than
/// <see cref="ReadOptions.MaxArticleChars"/> is cut at the last blank line (else the last line break) before the limit,
/// each part read as its own article with a DY4006 warning, so a huge file never sits in memory whole.
/// </summary>
internal sealed class TextDocumentSource(IngestContext context) : IDocumentSource
{
    private readonly char[] _buffer = new char[65536];
    private readonly int _max = Math.Max(context.Options.MaxArticleChars, 1024);
    private int _position;
    private int _length;
    private bool _ended;
    private string _carry = string.Empty;
    private bool _splitting;
    private bool _started;
    private bool _several;
    private int _index;
    private (string Text, bool Split)? _pending;

    public IngestResult? Next()
    {
        if (!_started)
        {
            _started = true;
            _pending = ReadDocument(first: true);
        }

        if (_pending is not { } current)
        {
            return null;
        }

        _pending = ReadDocument(first: false);
        _several |= _pending is not null;
        _index++;
        var location = _several ? string.Create(CultureInfo.InvariantCulture, $"part {_index}") : string.Empty;
        var draft = new ArticleDraft { Location = location, Body = current.Text, PlainText = true };
        if (current.Split)
        {
            draft.Diagnostics.Add(new Diagnostic(
                ErrorCodes.DocumentTooLarge,
                Severity.Warning,
                string.Create(CultureInfo.InvariantCulture, $"The text is longer than {_max} characters without a form feed between articles; it was split at a paragraph break, and this is one part."),
                context.Input,
                location));
        }

        return context.Build(draft, _several ? _index : 0);
    }

    private (string Text, bool Split)? ReadDocument(bool first)
    {
        if (_ended && _carry.Length == 0)
        {
            return first ? (string.Empty, false) : null;
        }

        var text = new StringBuilder(_carry);
        var split = _splitting;
        _carry = string.Empty;
        var paragraphBreak = -1;
        var lineBreak = -1;
        var lineHasText = false;
        while (true)
        {
            var c = ReadChar();
            if (c < 0)
            {
                _ended = true;
                _splitting = false;

                // Whitespace after the last form feed is not a document of its own.
                return !first && string.IsNullOrWhiteSpace(text.ToString()) && !split ? null : (text.ToString(), split);
            }

            if (c == '\f')
            {
                _splitting = false;
                return (text.ToString(), split);
            }

            text.Append((char)c);
            if (c == '\n')
            {
                if (!lineHasText)
                {
                    paragraphBreak = text.Length;
                }

                lineBreak = text.Length;
                lineHasText = false;
            }
            else if (!char.IsWhiteSpace((char)c))
            {
                lineHasText = true;
            }

            if (text.Length >= _max)
            {
                var cut = paragraphBreak > _max / 2 ? paragraphBreak : lineBreak > _max / 2 ? lineBreak : text.Length;
                _carry = text.ToString(cut, text.Length - cut);
                _splitting = true;
                return (text.ToString(0, cut), true);
            }
        }
    }

    private int ReadChar()
    {
        if (_position == _length)
        {
            _length = context.Decoded.Reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length <= 0)
            {
                _length = 0;
                return -1;
            }
        }

        return _buffer[_position++];
    }
}
