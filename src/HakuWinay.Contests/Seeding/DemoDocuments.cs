using System.Globalization;
using System.Text;

namespace HakuWinay.Contests.Seeding;

/// <summary>
/// Small, valid one-page PDF files for the demo's required documents (the acta de asamblea, the
/// counterpart commitment), so the demo's submitted profiles carry what the rules ask for.
/// </summary>
public static class DemoDocuments
{
    /// <summary>A PDF 1.4 file with one A4 page that reads <paramref name="title"/> and "Documento de demostración".</summary>
    public static byte[] Pdf(string title)
    {
        // Helvetica's standard encoding has no accents: keep the page text ASCII.
        var text = Ascii(title);
        var content = $"BT /F1 16 Tf 72 770 Td ({text}) Tj 0 -28 Td /F1 11 Tf (Documento de demostracion - Haku Winay) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>"acta-de-asamblea.pdf" for "Acta de asamblea".</summary>
    public static string FileName(string slotName) =>
        string.Join('-', Ascii(slotName).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)) + ".pdf";

    // Accents dropped, and the characters a PDF string or a file name treats specially left out.
    private static string Ascii(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => c < 128 && !char.IsControl(c) && c is not ('(' or ')' or '\\' or '/')).ToArray());
    }
}
