using System.Net;
using System.Text;
using ProgramDsl.Portfolios;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>The portfolio page <c>tpm build PORTFOLIO</c> writes as <c>index.html</c> beside the programs' folders.</summary>
    public interface IPortfolioPageWriter
    {
        /// <summary>The page of a portfolio whose programs were compiled (leveled together, or each as it stands).</summary>
        string Render(TpmPortfolio portfolio, string toolVersion);
    }

    /// <summary>A plain page linking each program's Gantt chart (until the Reports portfolio Gantt is wired).</summary>
    public sealed class PortfolioIndexPage : IPortfolioPageWriter
    {
        /// <inheritdoc/>
        public string Render(TpmPortfolio portfolio, string toolVersion)
        {
            var title = WebUtility.HtmlEncode(portfolio.Model?.Title ?? portfolio.Model?.Id ?? "portfolio");
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>").Append(title).Append("</title></head>\n<body>\n<h1>").Append(title).Append("</h1>\n<ul>\n");
            foreach (var member in portfolio.Members)
            {
                var id = WebUtility.HtmlEncode(member.Id);
                html.Append("<li><a href=\"").Append(System.Uri.EscapeDataString(member.Id)).Append("/gantt.html\">").Append(id).Append("</a></li>\n");
            }

            html.Append("</ul>\n<p>tpm ").Append(WebUtility.HtmlEncode(toolVersion)).Append("</p>\n</body>\n</html>\n");
            return html.ToString();
        }
    }
}
