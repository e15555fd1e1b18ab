using LanceOrm.VectorData.ConformanceTests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;
using VectorData.ConformanceTests;
using VectorData.ConformanceTests.Support;

namespace LanceOrm.VectorData.ConformanceTests;

public class LanceDbEmbeddingGenerationTests(
    LanceDbEmbeddingGenerationTests.StringVectorFixture stringVectorFixture,
    LanceDbEmbeddingGenerationTests.RomOfFloatVectorFixture romOfFloatVectorFixture)
    : EmbeddingGenerationTests<int>(stringVectorFixture, romOfFloatVectorFixture),
        IClassFixture<LanceDbEmbeddingGenerationTests.StringVectorFixture>,
        IClassFixture<LanceDbEmbeddingGenerationTests.RomOfFloatVectorFixture>
{
    public new class StringVectorFixture : EmbeddingGenerationTests<int>.StringVectorFixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;

        public override VectorStore CreateVectorStore(IEmbeddingGenerator? embeddingGenerator) => Registrations.Store(embeddingGenerator);

        public override Func<IServiceCollection, IServiceCollection>[] DependencyInjectionStoreRegistrationDelegates => Registrations.StoreDelegates;

        public override Func<IServiceCollection, IServiceCollection>[] DependencyInjectionCollectionRegistrationDelegates => Registrations.CollectionDelegates<RecordWithAttributes>(CollectionName);
    }

    public new class RomOfFloatVectorFixture : EmbeddingGenerationTests<int>.RomOfFloatVectorFixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;

        public override VectorStore CreateVectorStore(IEmbeddingGenerator? embeddingGenerator) => Registrations.Store(embeddingGenerator);

        public override Func<IServiceCollection, IServiceCollection>[] DependencyInjectionStoreRegistrationDelegates => Registrations.StoreDelegates;

        public override Func<IServiceCollection, IServiceCollection>[] DependencyInjectionCollectionRegistrationDelegates => Registrations.CollectionDelegates<RecordWithAttributes>(CollectionName);
    }

    /// <summary>What both fixtures register: the suite's shared connection (an instance, which the container does not dispose) and the connection-less overloads.</summary>
    private static class Registrations
    {
        public static Func<IServiceCollection, IServiceCollection>[] StoreDelegates { get; } =
        [
            services => services.AddSingleton(LanceDbTestStore.Instance.Connection).AddLanceDbVectorStore(),
        ];

        public static VectorStore Store(IEmbeddingGenerator? embeddingGenerator) => LanceDbTestStore.Instance.GetVectorStore(new() { EmbeddingGenerator = embeddingGenerator });

        public static Func<IServiceCollection, IServiceCollection>[] CollectionDelegates<TRecord>(string name)
            where TRecord : class =>
        [
            services => services.AddSingleton(LanceDbTestStore.Instance.Connection).AddLanceDbCollection<int, TRecord>(name),
        ];
    }
}
