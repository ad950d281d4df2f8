using KimPlatform.Events.Api.Domain;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KimPlatform.Events.Api.Infrastructure.EntityConfigurations;

/// <summary>Enums are stored in their contract spelling, so SQL reads like the API.</summary>
internal static class EnumColumn
{
    public static ValueConverter<TEnum, string> Of<TEnum>() where TEnum : struct, Enum =>
        new(value => Spelling.Of(value), text => Spelling.Read<TEnum>(text));
}
