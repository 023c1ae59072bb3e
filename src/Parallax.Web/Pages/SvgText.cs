using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Parallax.Web.Pages;

/// <summary>An SVG &lt;text&gt; element (Razor reserves the tag), its content escaped like any other text.</summary>
public sealed class SvgText : ComponentBase
{
    [Parameter] public double X { get; set; }

    [Parameter] public double Y { get; set; }

    [Parameter] public string Anchor { get; set; } = "start";

    [Parameter] public string? Class { get; set; }

    [Parameter] public string Text { get; set; } = string.Empty;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", Class);
        builder.AddAttribute(2, "x", X.ToString("0.#", CultureInfo.InvariantCulture));
        builder.AddAttribute(3, "y", Y.ToString("0.#", CultureInfo.InvariantCulture));
        builder.AddAttribute(4, "text-anchor", Anchor);
        builder.AddContent(5, Text);
        builder.CloseElement();
    }
}
