namespace Parallax.Ingestion.Input;

/// <summary>Splits a stream into lines (at '\n') without ever holding more than one line of at most a given size.</summary>
internal sealed class LineSplitter(Stream stream, long maxLine)
{
    private readonly byte[] _chunk = new byte[64 * 1024];
    private byte[] _line = new byte[4096];
    private int _chunkPos;
    private int _chunkLen;
    private int _number;
    private bool _eof;

    /// <summary>The next line (without its newline); false at the end. A line over the limit is skipped and flagged.</summary>
    public bool Next(out ReadOnlyMemory<byte> line, out int number, out bool tooLong)
    {
        int length = 0;
        tooLong = false;
        bool any = false;
        while (true)
        {
            if (_chunkPos >= _chunkLen)
            {
                if (_eof)
                {
                    break;
                }

                _chunkLen = stream.Read(_chunk, 0, _chunk.Length);
                _chunkPos = 0;
                if (_chunkLen == 0)
                {
                    _eof = true;
                    break;
                }
            }

            any = true;
            var span = _chunk.AsSpan(_chunkPos, _chunkLen - _chunkPos);
            int nl = span.IndexOf((byte)'\n');
            var part = nl < 0 ? span : span[..nl];
            if (!tooLong)
            {
                if ((long)length + part.Length > maxLine)
                {
                    tooLong = true;
                }
                else
                {
                    if (length + part.Length > _line.Length)
                    {
                        Array.Resize(ref _line, Math.Max(_line.Length * 2, length + part.Length));
                    }

                    part.CopyTo(_line.AsSpan(length));
                    length += part.Length;
                }
            }

            if (nl >= 0)
            {
                _chunkPos += nl + 1;
                _number++;
                number = _number;
                line = tooLong ? ReadOnlyMemory<byte>.Empty : _line.AsMemory(0, length);
                return true;
            }

            _chunkPos = _chunkLen;
        }

        if (!any && length == 0)
        {
            number = _number;
            line = ReadOnlyMemory<byte>.Empty;
            return false;
        }

        _number++;
        number = _number;
        line = tooLong ? ReadOnlyMemory<byte>.Empty : _line.AsMemory(0, length);
        return length > 0 || tooLong;
    }
}
