"""Draw the app icon (a hexagon of six dimensions with a tick) for every platform.

python tools/make_icons.py   # writes resources/icons/evaluator.{png,ico,icns}
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 1024
BLUE = (23, 78, 166, 255)
TEAL = (38, 166, 154, 255)
WHITE = (255, 255, 255, 255)


def _hexagon(centre: float, radius: float) -> list[tuple[float, float]]:
    return [
        (
            centre + radius * math.sin(math.radians(60 * i)),
            centre - radius * math.cos(math.radians(60 * i)),
        )
        for i in range(6)
    ]


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((40, 40, SIZE - 40, SIZE - 40), radius=200, fill=BLUE)
    centre = SIZE / 2
    # The six dimensions' axes and the scored shape inside the outline.
    outline = _hexagon(centre, 330)
    for x, y in outline:
        pen.line((centre, centre, x, y), fill=(255, 255, 255, 110), width=14)
    scores = (0.9, 0.7, 0.8, 0.55, 0.85, 0.65)
    shape = [
        (centre + (x - centre) * s, centre + (y - centre) * s)
        for (x, y), s in zip(outline, scores, strict=True)
    ]
    pen.polygon(shape, fill=TEAL)
    pen.line([*outline, outline[0]], fill=WHITE, width=34, joint="curve")
    # A tick: the evaluation signed off.
    pen.line((330, 540, 470, 680, 740, 370), fill=WHITE, width=70, joint="curve")
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "evaluator.png")
    image.save(OUT / "evaluator.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    image.save(OUT / "evaluator.icns")


if __name__ == "__main__":
    main()
