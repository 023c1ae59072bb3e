using Microsoft.AspNetCore.Http.HttpResults;

namespace Parallax.Web.Hosting;

/// <summary>ProblemDetails results with a stable "code" (every error the web host returns is one of these).</summary>
public static class Problems
{
    public static ProblemHttpResult Of(int status, string code, string title, string detail, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (extensions is not null)
        {
            foreach (var (k, v) in extensions)
            {
                all[k] = v;
            }
        }

        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: all);
    }

    /// <summary>
    /// Gives a code (and a useful detail) to the problems the framework writes itself: routing's 404, 405 and 415,
    /// and binding failures, so every error of the host carries one.
    /// </summary>
    public static void AddCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        var request = context.HttpContext.Request;
        (problem.Extensions["code"], var detail) = problem.Status switch
        {
            StatusCodes.Status404NotFound => (WebErrorCodes.NotFound, $"There is nothing at {request.Path}."),
            StatusCodes.Status405MethodNotAllowed => (WebErrorCodes.BadRequest, $"{request.Method} is not allowed at {request.Path}."),
            StatusCodes.Status413PayloadTooLarge => (WebErrorCodes.TooLarge, "The request is too large."),
            StatusCodes.Status415UnsupportedMediaType => (WebErrorCodes.UnsupportedMediaType,
                $"'{request.ContentType}' is not accepted here: send files as multipart/form-data, or one input as JSON, JSON Lines, text, HTML or a feed."),
            >= 500 => (WebErrorCodes.Unexpected, "The server could not complete the request. The error was logged on the server."),
            _ => (WebErrorCodes.BadRequest, (string?)null),
        };
        problem.Detail ??= detail;
    }

    public static ProblemHttpResult NotFound(string detail) => Of(StatusCodes.Status404NotFound, WebErrorCodes.NotFound, "Not found", detail);

    public static ProblemHttpResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) =>
        Of(StatusCodes.Status400BadRequest, WebErrorCodes.BadRequest, "Bad request", detail, extensions);
}
