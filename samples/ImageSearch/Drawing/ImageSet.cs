using SkiaSharp;

namespace ImageSearch.Drawing;

/// <summary>
/// The bundled "product photo" set: eight families, three pictures each, in different colours, positions, sizes,
/// backdrops and shapes; JPEG and PNG alternate. Fixed values, no randomness: <c>make-images</c> always draws the same pictures.
/// </summary>
public static class ImageSet
{
    private static readonly MugPainter Mug = new();
    private static readonly BicyclePainter Bicycle = new();
    private static readonly HousePainter House = new();
    private static readonly TreePainter Tree = new();
    private static readonly SailboatPainter Sailboat = new();
    private static readonly FruitBowlPainter FruitBowl = new();
    private static readonly ClockPainter Clock = new();
    private static readonly FlowerPainter Flower = new();

    private const SKEncodedImageFormat Jpeg = SKEncodedImageFormat.Jpeg;
    private const SKEncodedImageFormat Png = SKEncodedImageFormat.Png;

    public static IReadOnlyList<ImageSpec> All { get; } =
    [
        new("mug-red", "Red ceramic mug", Mug, new(new(200, 40, 40), new(250, 250, 250), new(225, 220, 210)), Jpeg),
        new("mug-blue", "Blue enamel mug", Mug, new(new(40, 90, 190), new(240, 200, 60), new(200, 215, 225), -30, 0.85f), Png),
        new("mug-green", "Green striped mug", Mug, new(new(60, 150, 80), new(30, 60, 30), new(235, 225, 200), 35, 1.05f), Jpeg),

        new("bicycle-red", "Red city bike", Bicycle, new(new(200, 30, 30), new(40, 40, 40), new(220, 225, 230)), Png),
        new("bicycle-blue", "Blue racing bike", Bicycle, new(new(30, 80, 200), new(230, 230, 230), new(235, 225, 205), 10, 0.85f), Jpeg),
        new("bicycle-yellow", "Yellow touring bike", Bicycle, new(new(230, 190, 20), new(90, 60, 30), new(200, 215, 200), -10, 0.95f), Png),

        new("house-white", "White cottage", House, new(new(240, 235, 225), new(170, 50, 40), new(170, 210, 235), 0, 0.8f), Jpeg),
        new("house-yellow", "Yellow farmhouse", House, new(new(240, 210, 100), new(90, 90, 100), new(190, 220, 240), -40, 0.85f), Png),
        new("house-blue", "Blue town house", House, new(new(110, 160, 210), new(230, 230, 230), new(235, 220, 190), 30, 0.95f, Shape: 1), Jpeg),

        new("tree-oak", "Oak in summer", Tree, new(new(60, 140, 50), new(120, 190, 80), new(200, 225, 240)), Png),
        new("tree-maple", "Maple in autumn", Tree, new(new(220, 110, 30), new(250, 190, 60), new(225, 220, 205), 40, 0.9f), Jpeg),
        new("tree-poplar", "Lombardy poplar", Tree, new(new(30, 95, 55), new(80, 140, 90), new(215, 225, 215), -35, 0.95f, Shape: 1), Png),

        new("sailboat-white", "White sloop", Sailboat, new(new(240, 240, 240), new(250, 250, 245), new(150, 190, 230)), Jpeg),
        new("sailboat-red", "Red dinghy", Sailboat, new(new(170, 40, 40), new(245, 230, 200), new(200, 215, 235), 30, 0.85f), Png),
        new("sailboat-navy", "Navy yacht with orange sails", Sailboat, new(new(30, 40, 90), new(240, 140, 40), new(180, 200, 220), -25, 0.95f), Jpeg),

        new("fruit-white", "Fruit in a white bowl", FruitBowl, new(new(240, 240, 235), new(60, 110, 180), new(210, 190, 160)), Png),
        new("fruit-wood", "Fruit in a wooden bowl", FruitBowl, new(new(150, 95, 50), new(110, 70, 35), new(225, 225, 220), 25, 0.9f), Jpeg),
        new("fruit-teal", "Fruit in a teal bowl", FruitBowl, new(new(40, 150, 150), new(240, 240, 240), new(235, 215, 190), -30, 0.95f), Png),

        new("clock-black", "Black station clock", Clock, new(new(30, 30, 30), new(200, 30, 30), new(225, 225, 220)), Jpeg),
        new("clock-red", "Red kitchen clock", Clock, new(new(190, 40, 40), new(30, 30, 30), new(215, 225, 215), -35, 0.85f), Png),
        new("clock-brass", "Brass wall clock", Clock, new(new(190, 150, 60), new(120, 80, 20), new(200, 210, 225), 30, 0.9f), Jpeg),

        new("flower-pink", "Pink daisy", Flower, new(new(240, 120, 170), new(250, 210, 60), new(220, 230, 220)), Png),
        new("flower-yellow", "Yellow sunflower", Flower, new(new(250, 200, 30), new(100, 60, 30), new(190, 210, 235), 35, 0.9f), Jpeg),
        new("flower-purple", "Purple aster", Flower, new(new(140, 80, 190), new(250, 230, 120), new(235, 225, 200), -30, 0.95f, Shape: 1), Png),
    ];

    /// <summary>A picture that is not in the set: a bicycle in a colour none of the catalogue's bicycles has.</summary>
    public static ImageSpec UnseenQuery { get; } =
        new("query-bicycle-green", "Green mountain bike", Bicycle, new(new(40, 170, 60), new(250, 120, 30), new(230, 215, 230), 20, 0.9f), Jpeg);
}
