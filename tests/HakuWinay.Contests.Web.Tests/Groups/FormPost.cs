using System.Net;
using System.Text.RegularExpressions;

namespace HakuWinay.Contests.Web.Tests.Groups;

/// <summary>Posts a static-rendered Blazor form as a browser does: antiforgery token and form name included.</summary>
internal static partial class FormPost
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string formName, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{url} has no antiforgery token.");
        }
        var all = new List<KeyValuePair<string, string>>
        {
            new("_handler", formName),
            new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)),
        };
        all.AddRange(fields);
        using var form = new FormUrlEncodedContent(all);
        return await client.PostAsync(url, form);
    }

    /// <summary>The form fields of a group with the given households (name, DNI), the first one its president.</summary>
    public static List<KeyValuePair<string, string>> Group(string name, params (string Name, string Dni)[] households)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Name", name), new("Input.LegalForm", "InformalGroup"), new("Input.Ruc", ""),
            new("Input.ProductionLineId", "1"), new("Input.DistrictCode", "050108"), new("Input.CentroPoblado", "Muyurina"),
            new("Input.Command", "save"),
        };
        for (var i = 0; i < households.Length; i++)
        {
            var prefix = $"Input.Households[{i}].";
            fields.AddRange([
                new(prefix + "HeadFullName", households[i].Name), new(prefix + "Dni", households[i].Dni), new(prefix + "Sex", "Female"),
                new(prefix + "BirthYear", "1995"), new(prefix + "Role", i == 0 ? "President" : "Member"),
            ]);
        }
        return fields;
    }

    public static List<KeyValuePair<string, string>> With(this List<KeyValuePair<string, string>> fields, string key, string value)
    {
        fields.RemoveAll(f => f.Key == key);
        fields.Add(new(key, value));
        return fields;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
