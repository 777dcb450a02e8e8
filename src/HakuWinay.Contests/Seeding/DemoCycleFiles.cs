using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using HakuWinay.Contests.Common;

namespace HakuWinay.Contests.Seeding;

/// <summary>
/// Small valid files for the demo's uploads (agreements, vouchers, receipts, visit photos, an
/// appeal): a one-page PDF that says what it stands for, and a PNG of one colour. They go through
/// the same intake as a browser's upload.
/// </summary>
internal static class DemoCycleFiles
{
    /// <summary>A one-page PDF 1.4 with <paramref name="line"/> written on it (ASCII; other characters become '?').</summary>
    public static UploadedFile Pdf(string fileName, string line) => new(fileName, new MemoryStream(PdfBytes(line)));

    /// <summary>A 16×16 PNG of one colour.</summary>
    public static UploadedFile Png(string fileName, byte red, byte green, byte blue) => new(fileName, new MemoryStream(PngBytes(red, green, blue)));

    public static byte[] PdfBytes(string line)
    {
        var text = new string(line.Select(c => c is >= ' ' and <= '~' and not '(' and not ')' and not '\\' ? c : '?').ToArray());
        var content = $"BT /F1 14 Tf 56 780 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    public static byte[] PngBytes(byte red, byte green, byte blue)
    {
        const int size = 16;
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        var raw = new byte[size * (1 + (3 * size))];
        for (var row = 0; row < size; row++)
        {
            var start = row * (1 + (3 * size));
            for (var x = 0; x < size; x++)
            {
                raw[start + 1 + (3 * x)] = red;
                raw[start + 2 + (3 * x)] = green;
                raw[start + 3 + (3 * x)] = blue;
            }
        }
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(raw);
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
