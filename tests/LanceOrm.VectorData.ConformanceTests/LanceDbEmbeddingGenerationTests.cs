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
    // The DI delegates register the suite's shared connection (an instance: the container does not dispose it) and use
    // the connection-less overloads, which take the LanceDbConnection registered in the container.
    public new class StringVectorFixture : EmbeddingGenerationTests<int>.StringVectorFixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;

        public override VectorStore CreateVectorStore(IEmbeddingGenerator? embeddingGenerator)
            => LanceDbTestStore.Instance.GetVectorStore(new() { EmbeddingGenerator = embeddingGenerator });

        public override Func<IServiceCollection, IServiceCollection>[] DependencyInjectionStoreRegistrationDelegates =>
        [
            services => services
                .AddSingleton(LanceDbTestStore.Instance.Connection)
                .AddLanceDbVectorStore(),
        ];

        public override Func<IServiceCollection, IServiceCollection>[] DependencyInjectionCollectionRegistrationDelegates =>
        [
            services => services
                .AddSingleton(LanceDbTestStore.Instance.Connection)
                .AddLanceDbCollection<int, RecordWithAttributes>(CollectionName),
        ];
    }

    public new class RomOfFloatVectorFixture : EmbeddingGenerationTests<int>.RomOfFloatVectorFixture
    {
        public override TestStore TestStore => LanceDbTestStore.Instance;

        public override VectorStore CreateVectorStore(IEmbeddingGenerator? embeddingGenerator)
            => LanceDbTestStore.Instance.GetVectorStore(new() { EmbeddingGenerator = embeddingGenerator });

        public override Func<IServiceCollection, IServiceCollection>[] DependencyInjectionStoreRegistrationDelegates =>
        [
            services => services
                .AddSingleton(LanceDbTestStore.Instance.Connection)
                .AddLanceDbVectorStore(),
        ];

        public override Func<IServiceCollection, IServiceCollection>[] DependencyInjectionCollectionRegistrationDelegates =>
        [
            services => services
                .AddSingleton(LanceDbTestStore.Instance.Connection)
                .AddLanceDbCollection<int, RecordWithAttributes>(CollectionName),
        ];
    }
}
