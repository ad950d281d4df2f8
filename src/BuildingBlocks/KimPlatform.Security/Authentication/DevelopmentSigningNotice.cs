using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KimPlatform.Security.Authentication;

/// <summary>Says at start-up, as a warning, that this process accepts development tokens, so nobody runs it so by mistake.</summary>
internal sealed partial class DevelopmentSigningNotice(IOptions<IdentityProviderOptions> identity, ILogger<DevelopmentSigningNotice> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (identity.Value.UsesDevelopmentSigning)
        {
            LogDevelopmentSigning(logger);
        }
        else
        {
            LogAuthority(logger, identity.Value.Authority!, identity.Value.Audience);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Development signing mode: tokens signed with Identity:DevelopmentSigningKey (./kim token) are accepted. Never outside a developer's machine.")]
    private static partial void LogDevelopmentSigning(ILogger logger);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Tokens are validated against {Authority} for audience {Audience}")]
    private static partial void LogAuthority(ILogger logger, string authority, string audience);
}
