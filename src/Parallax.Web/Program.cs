using Parallax.Web.Hosting;

// The web host on its own (`dotnet run --project src/Parallax.Web`); `parallax serve` builds the same app.
// Settings: Parallax:Db (or $PARALLAX_DB), Parallax:ApiKey (or $PARALLAX_API_KEY), urls (default http://127.0.0.1:5080).
var builder = WebApplication.CreateBuilder(args);
builder.AddParallaxWeb();

var app = builder.Build();
app.UseParallaxWeb();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
