using Parallax.Core;

namespace Parallax.Ingestion.Input;

/// <summary>Reads a stream whole, refusing it as soon as it passes a size limit (so a huge or endless input costs little).</summary>
internal static class BoundedRead
{
    /// <summary>Reads all of <paramref name="stream"/>, at most <paramref name="max"/> bytes.</summary>
    /// <exception cref="InputError">PX2003 when the stream holds more than <paramref name="max"/> bytes.</exception>
    public static ArraySegment<byte> ReadAll(Stream stream, long max, string what, CancellationToken ct, long? expected = null, string advice = "--max-bytes")
    {
        // a known size gives one exact buffer (+1 byte to see the end); otherwise it grows by doubling
        var initial = expected is long e and >= 0 ? (int)Math.Min(e, max) + 1 : 64 * 1024;
        var buffer = new byte[Math.Max(initial, 16)];
        int count = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (count == buffer.Length)
            {
                if (count > max)
                {
                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, max + 1));
            }

            int n = stream.Read(buffer, count, buffer.Length - count);
            if (n == 0)
            {
                break;
            }

            count += n;
            if (count > max)
            {
                throw Sizes.TooLarge(what, count, max, atLeast: true, advice);
            }
        }

        if (count > max)
        {
            throw Sizes.TooLarge(what, count, max, atLeast: true, advice);
        }

        return new ArraySegment<byte>(buffer, 0, count);
    }

    /// <summary>Fills <paramref name="buffer"/> as far as the stream allows; returns the count read.</summary>
    public static int Fill(Stream stream, Span<byte> buffer)
    {
        int count = 0;
        while (count < buffer.Length)
        {
            int n = stream.Read(buffer[count..]);
            if (n == 0)
            {
                break;
            }

            count += n;
        }

        return count;
    }

    public static InputError Empty(string what) => new(ErrorCodes.InputEmpty, $"{what} is empty: there is no text to read.");
}

/// <summary>A stream that first replays bytes already read (the sniffed head), then the rest of another stream.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefixLength)
        {
            int n = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return rest.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
