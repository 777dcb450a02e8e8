using System.Text.Json;

namespace HakuWinay.Contests.Web.FieldSync;

/// <summary>
/// Reads a JSON body of at most a given size: an oversized one is refused before it is read
/// through (413), a malformed one is a 400 with nothing applied.
/// </summary>
internal static class LimitedJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { MaxDepth = 16 };

    public static async Task<(T? Value, IResult? Refusal)> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken ct) where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (null, Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status415UnsupportedMediaType));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, Microsoft.AspNetCore.Http.Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), Options);
            return value is null ? (null, Microsoft.AspNetCore.Http.Results.BadRequest()) : (value, null);
        }
        catch (JsonException)
        {
            return (null, Microsoft.AspNetCore.Http.Results.BadRequest());
        }
    }
}
