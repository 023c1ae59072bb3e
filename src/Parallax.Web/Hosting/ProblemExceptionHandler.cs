using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Parallax.Core;

namespace Parallax.Web.Hosting;

/// <summary>
/// Turns every exception that reaches the host into a ProblemDetails response with a stable code. Never a stack
/// trace: unexpected errors are logged on the server and the client is told only that one happened.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ParallaxWebOptions options, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // the client went away: nobody to answer
        }

        var (status, code, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, WebErrorCodes.TooLarge, "Request too large", $"The request body is larger than the limit of {options.MaxRequestBytes} bytes."),
            InvalidDataException ex when ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
                (413, WebErrorCodes.TooLarge, "Request too large", "The request exceeds a form limit: " + ex.Message),
            BadHttpRequestException ex => (ex.StatusCode, WebErrorCodes.BadRequest, "Bad request", ex.Message),
            InvalidDataException ex => (400, WebErrorCodes.BadRequest, "Malformed request", ex.Message),
            // the message names server paths: it goes to the server's log, the client gets the code
            ParallaxException { Code: ErrorCodes.StoreOpen or ErrorCodes.StoreSchemaTooNew } ex =>
                (503, ex.Code, "The store is not available", $"The server cannot open its store (error {ex.Code}); its log says why."),
            ParallaxException ex => (500, ex.Code, "Parallax could not complete the request", $"Error {ex.Code}; the server's log says more."),
            _ => (500, WebErrorCodes.Unexpected, "Unexpected error", "The server could not complete the request. The error was logged on the server."),
        };

        if (status >= 500)
        {
            LogFailure(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["code"] = code } },
        });
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, string method, PathString path, Exception exception);
}
